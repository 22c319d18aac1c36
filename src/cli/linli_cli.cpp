// linli: the committee's command-line tool over the same core as the app.
//   linli validate FILE...   check bundles; exit 1 if any is refused
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/i18n.h"

namespace {

const linli::Strings& en() {
    static linli::Catalog catalog;
    return catalog.in(linli::Lang::en);
}

// Reads a bundle file; one larger than a bundle may be is refused before reading it.
linli::Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return linli::make_error("err.file.read", {path});
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::size_t>(in.tellg());
    if (size > linli::kMaxBundleBytes)
        return linli::make_error("err.bundle.too_big", {std::to_string(linli::kMaxBundleBytes >> 20)});
    std::string out(size, '\0');
    in.seekg(0);
    in.read(out.data(), static_cast<std::streamsize>(size));
    if (!in) return linli::make_error("err.file.read", {path});
    return out;
}

int validate(int argc, char** argv) {
    int bad = 0;
    for (int i = 2; i < argc; ++i) {
        auto bytes = read_file(argv[i]);
        if (!bytes) {
            std::fprintf(stderr, "%s: refused: %s\n", argv[i], linli::describe(bytes.error(), en()).c_str());
            ++bad;
            continue;
        }
        auto b = linli::parse_bundle(*bytes);
        if (!b) {
            std::fprintf(stderr, "%s: refused: %s\n", argv[i], linli::describe(b.error(), en()).c_str());
            ++bad;
            continue;
        }
        linli::Dataset empty;
        if (auto e = empty.missing_reference(*b)) {
            std::fprintf(stderr, "%s: refused: %s\n", argv[i], linli::describe(*e, en()).c_str());
            ++bad;
            continue;
        }
        std::printf("%s: ok, %zu records\n", argv[i], b->records.size());
    }
    return bad ? 1 : 0;
}

void usage() {
    std::fprintf(stderr, "usage: linli validate FILE...\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage();
        return 2;
    }
    std::string cmd = argv[1];
    if (cmd == "validate" && argc >= 3) return validate(argc, argv);
    usage();
    return 2;
}
