# `linli stats DIR` reads a store's directory as the app opens it, writes nothing, and
# reports the journal entries it could not read: here one line whose checksum is wrong.
set(store "${WORK}/stats-store")
file(REMOVE_RECURSE "${store}")
file(MAKE_DIRECTORY "${store}/responses" "${store}/snapshots")
file(WRITE "${store}/meta.json" "{\"schema\": 2, \"device\": \"statsdevice\", \"community\": \"f6fadfa7e5c15b629362da5cc13da58a\"}")
configure_file("${SAMPLE}" "${store}/editable.json" COPYONLY)
file(WRITE "${store}/responses/tail.ndjson"
     "00000000 {\"id\":\"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\",\"kind\":\"response\",\"rev\":\"1795400000000-0-statsdevice\","
     "\"poll\":\"670c1cd355555e3184be37c1dfe6c55b\",\"answers\":[{\"question\":\"q1\",\"choices\":[\"a1\"]}]}\n")
file(GLOB_RECURSE before RELATIVE "${store}" "${store}/*")
execute_process(COMMAND "${LINLI}" stats "${store}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(GLOB_RECURSE after RELATIVE "${store}" "${store}/*")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"skipped_entries\": 1" OR NOT out MATCHES "\"response\": 0"
   OR NOT out MATCHES "1 saved entries \\(answers\\) are damaged")
  message(FATAL_ERROR "linli stats exited with ${rc}\n${out}${err}")
endif()
if(NOT before STREQUAL after)
  message(FATAL_ERROR "linli stats changed the store: ${before} -> ${after}")
endif()
file(REMOVE_RECURSE "${store}")
message(STATUS "${out}")
