# Generates a GL 3.3 core loader with glad 2 (python3-glad) at build time.
# --reproducible makes glad use the specification it ships instead of fetching one.
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_DIR "${CMAKE_BINARY_DIR}/glad")
add_custom_command(
  OUTPUT "${GLAD_DIR}/src/gl.c" "${GLAD_DIR}/include/glad/gl.h" "${GLAD_DIR}/include/KHR/khrplatform.h"
  COMMAND ${GLAD_EXECUTABLE} --quiet --api gl:core=3.3 --out-path "${GLAD_DIR}" --reproducible c
  COMMENT "Generating the GL 3.3 core loader with glad"
  VERBATIM)
add_library(glad STATIC "${GLAD_DIR}/src/gl.c")
target_include_directories(glad PUBLIC "${GLAD_DIR}/include")
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
