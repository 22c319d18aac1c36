#include <doctest/doctest.h>

#include "core/schema.h"
#include "test_files.h"

TEST_CASE("the committed JSON Schema is what the field lists generate") {
    // If this fails, regenerate: build/native/src/cli/linli schema > assets/schema/linli-bundle-v1.schema.json
    CHECK(read_project_file("assets/schema/linli-bundle-v1.schema.json") == linli::bundle_json_schema());
}
