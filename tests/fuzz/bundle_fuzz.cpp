// libFuzzer target for the bundle parser: any bytes either are refused with an Error or
// parse to a bundle that writes and parses back to the same thing, and merges the way
// its preview said it would.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/bundle.h"
#include "core/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto b = linli::parse_bundle(bytes);
    if (!b) {
        if (b.error().key.empty()) std::abort();
        return 0;
    }
    std::string written = linli::write_bundle(*b);
    auto again = linli::parse_bundle(written);
    if (!again) std::abort();
    if (b->scope == linli::Scope::committee && !(again->records == b->records)) std::abort();
    if (linli::write_bundle(*again) != written) std::abort();

    linli::Dataset d;
    linli::MergeReport preview = d.preview(*b), actual;
    d.merge(*b, &actual);
    if (preview.total_changes() != actual.total_changes() || preview.deleted != actual.deleted) std::abort();
    linli::MergeReport twice;
    d.merge(*b, &twice);
    if (twice.total_changes() != 0) std::abort();  // idempotent
    return 0;
}
