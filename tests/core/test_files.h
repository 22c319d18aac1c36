// Reading the project's own files from the native test suites.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_project_file(const std::string& relative) {
    std::ifstream in(std::string(LINLI_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
