# CTest script (cmake -P): a topic can be written outside the Help Station tree.
#   -DBUILD_DIR=<this build> -DTEMPLATE_DIR=<plugins/template> -DWORK_DIR=<scratch folder>
#   -DHELPSTATION_EXE=<helpstation> -DGENERATOR=<generator> -DC_COMPILER=... -DCXX_COMPILER=...
# 1. installs only the SDK component of this build into WORK_DIR/prefix,
# 2. configures and builds plugins/template against it (find_package(HelpStation)),
# 3. runs the real viewer's --validate on the plugin it made.
cmake_minimum_required(VERSION 3.20)
foreach(var BUILD_DIR TEMPLATE_DIR WORK_DIR HELPSTATION_EXE GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "out_of_tree.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok")
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run("install the sdk component" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --component sdk --prefix "${prefix}")
# Only the SDK: no viewer, no bundled topics.
file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
list(SORT installed)
foreach(f IN LISTS installed)
  if(NOT f MATCHES "^include/helpstation/|/cmake/HelpStation/")
    message(FATAL_ERROR "the sdk component installed ${f}, which is not part of the SDK:\n${installed}")
  endif()
endforeach()

set(compilers "")
if(C_COMPILER)
  list(APPEND compilers "-DCMAKE_C_COMPILER=${C_COMPILER}")
endif()
if(CXX_COMPILER)
  list(APPEND compilers "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
run("configure the template" "${CMAKE_COMMAND}" -S "${TEMPLATE_DIR}" -B "${build}" -G "${GENERATOR}"
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}" ${compilers})
run("build the template" "${CMAKE_COMMAND}" --build "${build}")

set(plugin "${build}/my-topic.so")
if(NOT EXISTS "${plugin}")
  message(FATAL_ERROR "the template build made no ${plugin}")
endif()

# The viewer's config and probe cache belong to this test.
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "XDG_CACHE_HOME=${WORK_DIR}/xdg-cache" "XDG_CONFIG_HOME=${WORK_DIR}/xdg-config"
          "${HELPSTATION_EXE}" --validate "${plugin}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "helpstation --validate: ${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "passed: my-topic 1\\.0\\.1")
  message(FATAL_ERROR "helpstation --validate ${plugin} exited ${rc}:\n${out}\n${err}")
endif()
if(NOT out MATCHES "2 fixes, 6 steps, 2 FAQ entries, 3 pictures")
  message(FATAL_ERROR "the template topic is not what it should be: ${out}")
endif()
# Its Spanish translation was compiled by the installed SDK's add_help_topic and embedded.
if(NOT out MATCHES "translation es: 27/27 strings")
  message(FATAL_ERROR "the template topic's Spanish translation is not complete in the plugin: ${out}")
endif()
