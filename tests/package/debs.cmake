# CTest script (cmake -P): the Debian packages build, hold what a kiosk needs, and work unpacked.
#   -DBUILD_DIR=<this build> -DWORK_DIR=<scratch folder> -DCPACK=<cpack> -DTOPIC=<a bundled topic id>
# 1. cpack -G DEB into WORK_DIR/debs,
# 2. dpkg-deb -c: helpstation holds the binaries and the unit, helpstation-topic-<TOPIC> the plugin,
# 3. dpkg-deb -x both into WORK_DIR/root and run the unpacked usr/bin/helpstation --list-topics --json:
#    it finds the plugin relative to its own executable, so TOPIC must be listed.
cmake_minimum_required(VERSION 3.20)
foreach(var BUILD_DIR WORK_DIR CPACK TOPIC)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "debs.cmake: -D${var}=... is required")
  endif()
endforeach()

set(debs "${WORK_DIR}/debs")
set(root "${WORK_DIR}/root")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${debs}" "${root}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  WORKING_DIRECTORY "${BUILD_DIR}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok")
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run("cpack -G DEB" "${CPACK}" -G DEB -B "${debs}" --config "${BUILD_DIR}/CPackConfig.cmake")

function(find_deb var name)
  file(GLOB found "${debs}/${name}_*.deb")
  list(LENGTH found n)
  if(NOT n EQUAL 1)
    file(GLOB all "${debs}/*.deb")
    message(FATAL_ERROR "expected one ${name}_*.deb, found ${n}:\n${all}")
  endif()
  set(${var} "${found}" PARENT_SCOPE)
endfunction()
find_deb(viewer_deb helpstation)
find_deb(topic_deb "helpstation-topic-${TOPIC}")
find_deb(sdk_deb helpstation-sdk)
find_deb(kiosk_deb helpstation-kiosk)

function(expect_in deb)
  run("dpkg-deb -c ${deb}" dpkg-deb -c "${deb}")
  foreach(pattern IN LISTS ARGN)
    if(NOT run_output MATCHES "${pattern}")
      message(FATAL_ERROR "${deb} holds nothing matching ${pattern}:\n${run_output}")
    endif()
  endforeach()
endfunction()
expect_in("${viewer_deb}"
  " \\./usr/bin/helpstation\n" " \\./usr/bin/helpstation-probe\n" " \\./usr/bin/helpstation-sign\n"
  " \\./usr/lib/systemd/user/helpstation\\.service\n"
  " \\./usr/share/doc/helpstation/helpstation\\.example\\.toml\n")
expect_in("${topic_deb}" " \\./usr/lib/[^\n]*helpstation/plugins/${TOPIC}\\.so\n")
expect_in("${sdk_deb}" " \\./usr/include/helpstation/plugin\\.h\n" "/cmake/HelpStation/HelpStationConfig\\.cmake\n")

expect_in("${kiosk_deb}"
  " \\./usr/lib/systemd/system/helpstation-kiosk\\.service\n"
  " \\./usr/libexec/helpstation/kiosk-session\n" " \\./usr/libexec/helpstation/kiosk-client\n"
  " \\./usr/libexec/helpstation/out-of-order\n"
  " \\./usr/lib/systemd/logind\\.conf\\.d/helpstation-kiosk\\.conf\n"
  " \\./usr/lib/sysctl\\.d/90-helpstation-kiosk\\.conf\n"
  " \\./etc/helpstation/helpstation\\.toml\n")
# The kiosk package pulls in everything the kiosk path needs (dpkg -I shows it), keeps the config
# as a conffile and has the maintainer scripts that make and remove the kiosk account.
run("dpkg-deb -f helpstation-kiosk Depends" dpkg-deb -f "${kiosk_deb}" Depends)
foreach(dep "helpstation \\(= " cage xwayland dbus-user-session polkitd libgl1-mesa-dri libegl1 fonts-noto-core foot)
  if(NOT run_output MATCHES "(^|, )${dep}")
    message(FATAL_ERROR "helpstation-kiosk does not depend on ${dep}: ${run_output}")
  endif()
endforeach()
file(MAKE_DIRECTORY "${WORK_DIR}/kiosk-control")
run("dpkg-deb -e helpstation-kiosk" dpkg-deb -e "${kiosk_deb}" "${WORK_DIR}/kiosk-control")
file(READ "${WORK_DIR}/kiosk-control/conffiles" conffiles)
if(NOT conffiles MATCHES "^/etc/helpstation/helpstation\\.toml\n")
  message(FATAL_ERROR "helpstation-kiosk conffiles: ${conffiles}")
endif()
foreach(script postinst prerm postrm)
  if(NOT EXISTS "${WORK_DIR}/kiosk-control/${script}")
    message(FATAL_ERROR "helpstation-kiosk has no ${script}")
  endif()
endforeach()

# The viewer package brings no topic: only what the topic packages add is listed.
run("dpkg-deb -c ${viewer_deb}" dpkg-deb -c "${viewer_deb}")
if(run_output MATCHES "\\.so\n")
  message(FATAL_ERROR "${viewer_deb} holds a plugin:\n${run_output}")
endif()
run("dpkg-deb -I ${topic_deb}" dpkg-deb -f "${topic_deb}" Depends)
if(NOT run_output MATCHES "helpstation \\(")
  message(FATAL_ERROR "helpstation-topic-${TOPIC} does not depend on helpstation: ${run_output}")
endif()

run("unpack the viewer" dpkg-deb -x "${viewer_deb}" "${root}")
run("unpack the topic" dpkg-deb -x "${topic_deb}" "${root}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "XDG_CACHE_HOME=${WORK_DIR}/xdg-cache" "XDG_CONFIG_HOME=${WORK_DIR}/xdg-config"
          "${root}/usr/bin/helpstation" --list-topics --json
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"${TOPIC}\"")
  message(FATAL_ERROR "the unpacked helpstation --list-topics --json exited ${rc} without ${TOPIC}:\n${out}\n${err}")
endif()
message(STATUS "the unpacked viewer lists ${TOPIC}")

# The unit as shipped: systemd's own checker reads it (unknown keys, a bad Type=, a missing
# ExecStart binary). ExecStart is pointed at the unpacked binary, since /usr/bin may not hold one.
find_program(SYSTEMD_ANALYZE systemd-analyze)
if(SYSTEMD_ANALYZE)
  file(READ "${root}/usr/lib/systemd/user/helpstation.service" unit)
  string(REPLACE "ExecStart=/usr/bin/helpstation" "ExecStart=${root}/usr/bin/helpstation" unit "${unit}")
  file(WRITE "${WORK_DIR}/unit/helpstation.service" "${unit}")
  file(MAKE_DIRECTORY "${WORK_DIR}/runtime")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env "XDG_RUNTIME_DIR=${WORK_DIR}/runtime"
            "${SYSTEMD_ANALYZE}" verify "${WORK_DIR}/unit/helpstation.service"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "systemd-analyze verify helpstation.service (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "systemd-analyze verify: the unit is clean")
  # The kiosk session (a system unit): its ExecStart pointed at the unpacked script.
  run("unpack the kiosk" dpkg-deb -x "${kiosk_deb}" "${root}")
  file(READ "${root}/usr/lib/systemd/system/helpstation-kiosk.service" unit)
  string(REPLACE "ExecStart=/usr/libexec/" "ExecStart=${root}/usr/libexec/" unit "${unit}")
  string(REPLACE "User=kiosk" "User=root" unit "${unit}") # no kiosk account on the build machine
  file(WRITE "${WORK_DIR}/unit/helpstation-kiosk.service" "${unit}")
  execute_process(
    COMMAND "${SYSTEMD_ANALYZE}" verify --man=no "${WORK_DIR}/unit/helpstation-kiosk.service"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  # Units it names that this machine lacks (getty@tty1, plymouth) are not the unit's fault.
  string(REGEX REPLACE "[^\n]*(plymouth-quit-wait|getty@tty1|systemd-user-sessions|systemd-logind|dbus\\.socket)[^\n]*\n?" "" rest "${out}${err}")
  if(NOT rest STREQUAL "")
    message(FATAL_ERROR "systemd-analyze verify helpstation-kiosk.service (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "systemd-analyze verify: the kiosk unit is clean ${rest}")
else()
  message(STATUS "systemd-analyze not found: the unit was not checked by systemd")
endif()
