# Fails when a C++ file under ROOT/FOLDER includes a header from a folder it must not
# depend on (docs DESIGN.md: app -> analysis, scenarios -> models -> sim).
#   cmake -DROOT=<source dir> -DFOLDER=analysis -DFORBIDDEN="models|scenarios|app" -P check_includes.cmake
# FORBIDDEN is a regex alternation of top-level folder names. Both include forms count,
# and so do relative paths ("../../models/...").
foreach(var ROOT FOLDER FORBIDDEN)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_includes.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT IS_DIRECTORY "${ROOT}/${FOLDER}")
  message(FATAL_ERROR "check_includes.cmake: no folder ${ROOT}/${FOLDER}")
endif()

file(GLOB_RECURSE sources LIST_DIRECTORIES false RELATIVE "${ROOT}"
     "${ROOT}/${FOLDER}/*.hpp" "${ROOT}/${FOLDER}/*.cpp" "${ROOT}/${FOLDER}/*.h"
     "${ROOT}/${FOLDER}/*.cc" "${ROOT}/${FOLDER}/*.ipp" "${ROOT}/${FOLDER}/*.in")
list(SORT sources)
set(pattern "^[ \t]*#[ \t]*include[ \t]*[<\"](\\.\\./)*(${FORBIDDEN})/")
set(found 0)
foreach(source IN LISTS sources)
  file(STRINGS "${ROOT}/${source}" hits REGEX "${pattern}")
  foreach(hit IN LISTS hits)
    string(STRIP "${hit}" hit)
    message(STATUS "${source}: ${hit}")
    math(EXPR found "${found} + 1")
  endforeach()
endforeach()
list(LENGTH sources checked)
if(found GREATER 0)
  message(FATAL_ERROR
          "${FOLDER}/ must not include from ${FORBIDDEN}: ${found} include(s) above")
endif()
message(STATUS "${FOLDER}/: ${checked} files, none includes from ${FORBIDDEN}")
