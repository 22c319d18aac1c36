# `linli merge` never writes what the app would refuse to read: two bundles of about 34 MB
# each (each one importable) would merge to about 68 MB, over the 64 MiB limit. The merge
# is refused with a message and OUT is not written.
string(REPEAT "邻" 3990 body)  # a notice body near its 4000 characters: 12 KB
foreach(part a b)
  set(file "${WORK}/${part}.json")
  file(WRITE "${file}"
       "{\"format\":\"linli-bundle\",\"version\":1,\"community\":{\"id\":\"0123456789abcdef0123456789abcdef\","
       "\"name\":{\"zh\":\"泾淞苑\"}},\"device\":\"gen\",\"scope\":\"committee\",\"records\":[")
  foreach(i RANGE 1 2850)  # appended to the file one by one: a CMake string would be copied each time
    string(LENGTH "${i}" digits)
    math(EXPR zeros "31 - ${digits}")
    string(REPEAT "0" ${zeros} pad)
    set(comma ",")
    if(i EQUAL 1)
      set(comma "")
    endif()
    file(APPEND "${file}" "${comma}{\"id\":\"${part}${pad}${i}\",\"kind\":\"notice\",\"rev\":\"1795400000000-0-gen\","
                          "\"title\":{\"zh\":\"公告\"},\"body\":{\"zh\":\"${body}\"}}")
  endforeach()
  file(APPEND "${file}" "]}")
endforeach()
file(REMOVE "${WORK}/out.json")
execute_process(COMMAND "${LINLI}" validate "${WORK}/a.json" "${WORK}/b.json" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "each part should import on its own:\n${out}${err}")
endif()
execute_process(COMMAND "${LINLI}" merge "${WORK}/out.json" "${WORK}/a.json" "${WORK}/b.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE "${WORK}/a.json" "${WORK}/b.json")
if(NOT rc EQUAL 1 OR NOT err MATCHES "out.json: refused: The data comes to [0-9]+ MB, over the 64 MB" OR EXISTS "${WORK}/out.json")
  message(FATAL_ERROR "linli merge exited with ${rc}, expected 1 and no out.json\n${out}${err}")
endif()
message(STATUS "refused: ${err}")
