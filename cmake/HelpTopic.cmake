# add_help_topic(<id> SOURCES <files...> [IMAGES <files...>] [TRANSLATIONS <po files...>]
#                [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds one topic plugin, <id>.so, with its pictures and translations embedded, so that one file
# is one topic. IMAGES may be PNG, JPEG or SVG; SVG is rasterized to PNG at build time with
# rsvg-convert. A picture is named by its file name without extension: step("...", "send-receive").
# TRANSLATIONS are gettext .po files named by their locale (po/es.po, po/es_MX.po), whose msgids are
# the topic's English strings (helpstation --export-pot <id>.so writes the template). Each is
# checked and compiled with `msgfmt --check` at build time (a broken .po fails the build) and the
# .mo embedded (plugin.h, hs_translation); fuzzy entries are left out, as msgfmt does.
# The plugin lands in OUTPUT_DIRECTORY (default: HELPSTATION_PLUGIN_OUTPUT_DIR, the folder the
# viewer in this build tree reads; outside the Help Station tree, the current build folder) and is
# installed into HELPSTATION_PLUGIN_INSTALL_DIR, in an install component of its own, topic-<id>
# (in the Help Station tree, that is one Debian package each: helpstation-topic-<id>).
#
# Signing: when HELPSTATION_SIGNING_KEY names a secret key file (helpstation-sign keygen), each
# plugin is signed after every link, and <id>.so.sig is installed beside <id>.so. Unset (the
# default), plugins are built unsigned. Outside the tree (find_package(HelpStation)) the signing
# tool is looked for in the Help Station install's bin/ and then on PATH; when it is not found,
# plugins are built unsigned with a warning.
#
# This file works both in the Help Station tree and installed next to HelpStationConfig.cmake: it
# finds EmbedImages.cmake beside itself.

set(HELPSTATION_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedImages.cmake")
find_program(RSVG_CONVERT rsvg-convert)
find_program(HELPSTATION_MSGFMT msgfmt)
set(HELPSTATION_SIGNING_KEY "" CACHE FILEPATH
    "Secret key file (helpstation-sign keygen) to sign every topic plugin with; empty: plugins are not signed")
if(HELPSTATION_SIGNING_KEY AND NOT EXISTS "${HELPSTATION_SIGNING_KEY}")
  message(FATAL_ERROR
    "HELPSTATION_SIGNING_KEY: ${HELPSTATION_SIGNING_KEY} does not exist (make one with helpstation-sign keygen)")
endif()
# In the tree, the helpstation-sign target signs; from an installed SDK, the installed program.
set(HELPSTATION_SIGN_COMMAND "$<TARGET_FILE:helpstation-sign>")
if(HELPSTATION_SDK_INSTALLED AND HELPSTATION_SIGNING_KEY)
  find_program(HELPSTATION_SIGN_EXE helpstation-sign HINTS "${HelpStation_BIN_DIR}")
  if(HELPSTATION_SIGN_EXE)
    set(HELPSTATION_SIGN_COMMAND "${HELPSTATION_SIGN_EXE}")
  else()
    message(WARNING "HELPSTATION_SIGNING_KEY is set but helpstation-sign was not found "
                    "(looked in ${HelpStation_BIN_DIR} and on PATH): topic plugins are built unsigned")
    set(HELPSTATION_SIGN_COMMAND "")
  endif()
endif()

function(add_help_topic id)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;IMAGES;TRANSLATIONS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "add_help_topic(${id}): SOURCES is required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${HELPSTATION_PLUGIN_OUTPUT_DIR}")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  set(target "topic-${id}")
  set(work "${CMAKE_CURRENT_BINARY_DIR}/${target}")

  set(embedded "")
  set(names "")
  foreach(image IN LISTS ARG_IMAGES)
    get_filename_component(source "${image}" ABSOLUTE)
    get_filename_component(name "${image}" NAME_WE)
    if(name IN_LIST names)
      message(FATAL_ERROR "add_help_topic(${id}): two pictures are named '${name}' (steps refer to pictures by file name without extension)")
    endif()
    list(APPEND names "${name}")
    get_filename_component(ext "${image}" LAST_EXT)
    string(TOLOWER "${ext}" ext)
    if(ext STREQUAL ".svg")
      if(NOT RSVG_CONVERT)
        message(FATAL_ERROR "add_help_topic(${id}): ${image} is SVG but rsvg-convert was not found (apt install librsvg2-bin)")
      endif()
      set(png "${work}/images/${name}.png")
      add_custom_command(OUTPUT "${png}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${work}/images"
        COMMAND ${RSVG_CONVERT} -o "${png}" "${source}"
        DEPENDS "${source}"
        COMMENT "Rasterizing ${id}/${name}.svg"
        VERBATIM)
      list(APPEND embedded "${png}")
    else()
      list(APPEND embedded "${source}")
    endif()
  endforeach()

  set(catalogs "")
  set(locales "")
  foreach(po IN LISTS ARG_TRANSLATIONS)
    get_filename_component(source "${po}" ABSOLUTE)
    get_filename_component(locale "${po}" NAME_WE)
    if(NOT locale MATCHES "^[a-z][a-z][a-z]?(_[A-Z][A-Z]|_[0-9][0-9][0-9]|_[A-Z][a-z][a-z][a-z])?$")
      message(FATAL_ERROR "add_help_topic(${id}): ${po}: name a translation by its locale, e.g. es.po, es_MX.po, zh_CN.po")
    endif()
    if(locale IN_LIST locales)
      message(FATAL_ERROR "add_help_topic(${id}): two translations are for '${locale}'")
    endif()
    list(APPEND locales "${locale}")
    if(NOT HELPSTATION_MSGFMT)
      message(FATAL_ERROR "add_help_topic(${id}): ${po} needs msgfmt, which was not found (apt install gettext)")
    endif()
    set(mo "${work}/po/${locale}.mo")
    add_custom_command(OUTPUT "${mo}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${work}/po"
      COMMAND ${HELPSTATION_MSGFMT} --check -o "${mo}" "${source}"
      DEPENDS "${source}"
      COMMENT "Compiling ${id} translation ${locale}"
      VERBATIM)
    list(APPEND catalogs "${mo}")
  endforeach()

  set(table "${work}/embedded_images.c")
  add_custom_command(OUTPUT "${table}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${table}" "-DIMAGES=${embedded}" "-DTRANSLATIONS=${catalogs}"
            -P "${HELPSTATION_EMBED_SCRIPT}"
    DEPENDS ${embedded} ${catalogs} "${HELPSTATION_EMBED_SCRIPT}"
    COMMENT "Embedding ${id} pictures and translations"
    VERBATIM)
  set_source_files_properties("${table}" PROPERTIES OBJECT_DEPENDS "${embedded};${catalogs}")

  add_library(${target} MODULE ${ARG_SOURCES} "${table}")
  target_link_libraries(${target} PRIVATE HelpStation::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "${id}"
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  # A plugin must not lean on symbols of the host: catch them at link time, not at dlopen.
  target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  if(NOT ARG_NO_INSTALL AND HELPSTATION_PLUGIN_INSTALL_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION "${HELPSTATION_PLUGIN_INSTALL_DIR}" COMPONENT "topic-${id}")
  endif()
  if(HELPSTATION_SIGNING_KEY AND HELPSTATION_SIGN_COMMAND)
    set(signature "${ARG_OUTPUT_DIRECTORY}/${id}${CMAKE_SHARED_MODULE_SUFFIX}.sig")
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND "${HELPSTATION_SIGN_COMMAND}" sign --secret "${HELPSTATION_SIGNING_KEY}" "$<TARGET_FILE:${target}>"
      BYPRODUCTS "${signature}"
      COMMENT "Signing ${id}${CMAKE_SHARED_MODULE_SUFFIX}"
      VERBATIM)
    if(NOT HELPSTATION_SDK_INSTALLED)
      add_dependencies(${target} helpstation-sign)
    endif()
    # Relink, and so re-sign, when the key file changes: a stale .sig would be refused.
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${HELPSTATION_SIGNING_KEY}")
    if(NOT ARG_NO_INSTALL AND HELPSTATION_PLUGIN_INSTALL_DIR)
      install(FILES "${signature}" DESTINATION "${HELPSTATION_PLUGIN_INSTALL_DIR}" COMPONENT "topic-${id}")
    endif()
  endif()
endfunction()
