#include "core/id.h"

namespace linli {

bool is_valid_id(std::string_view s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

IdSource::IdSource() {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    rng_.seed(seq);
}

Id IdSource::next() {
    static const char* hex = "0123456789abcdef";
    Id id(32, '0');
    for (int half = 0; half < 2; ++half) {
        std::uint64_t v = rng_();
        for (int i = 0; i < 16; ++i) id[half * 16 + i] = hex[(v >> (60 - 4 * i)) & 15];
    }
    return id;
}

}  // namespace linli
