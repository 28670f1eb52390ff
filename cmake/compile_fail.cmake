# Checks that SOURCE compiles as is and fails to compile with each of the -D flags in FAIL_WITH, each failure
# mentioning "constant expression" or the Markup type (so a missing header or a typo cannot pass as the expected failure).
# Run as: cmake -DCXX=... -DSRC_DIR=... -DSOURCE=... -DFAIL_WITH=A,B -P compile_fail.cmake
set(base ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I${SRC_DIR} ${SOURCE})
execute_process(COMMAND ${base} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} should compile without flags:\n${err}")
endif()
string(REPLACE "," ";" flags "${FAIL_WITH}")
foreach(flag ${flags})
  execute_process(COMMAND ${base} -D${flag} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled with -D${flag}; it must not")
  endif()
  if(NOT err MATCHES "constant expression|Markup")
    message(FATAL_ERROR "${SOURCE} with -D${flag} failed for another reason:\n${err}")
  endif()
endforeach()
