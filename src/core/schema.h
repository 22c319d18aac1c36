// The bundle format as a JSON Schema (draft 2020-12), generated from the same field
// lists the reader and writer use, so it cannot drift from what the app accepts.
// assets/schema/linli-bundle-v1.schema.json is this function's output.
#pragma once
#include <string>

namespace linli {

std::string bundle_json_schema();

}  // namespace linli
