#include "core/household_codes.h"

#include <sodium/crypto_pwhash_argon2id.h>

#include <cstdio>

namespace linli {

std::string new_household_code(IdSource& ids) {
    std::string code;
    while (code.size() < kCodeLength) {
        std::uint64_t v = ids.next_u64();
        // Rejection sampling keeps every character equally likely.
        std::uint64_t limit = UINT64_MAX - UINT64_MAX % kCodeAlphabet.size();
        if (v >= limit) continue;
        code += kCodeAlphabet[v % kCodeAlphabet.size()];
    }
    return code;
}

std::string format_code(std::string_view code) {
    if (code.size() != kCodeLength) return std::string(code);
    return std::string(code.substr(0, 5)) + "-" + std::string(code.substr(5));
}

std::optional<std::string> normalize_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (kCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
        out += c;
    }
    if (out.size() != kCodeLength) return std::nullopt;
    return out;
}

std::string new_salt(IdSource& ids) { return ids.next(); }

std::string code_hash(std::string_view code, std::string_view salt_hex) {
    unsigned char salt[crypto_pwhash_argon2id_SALTBYTES] = {};
    for (std::size_t i = 0; i < sizeof salt && 2 * i + 1 < salt_hex.size(); ++i) {
        auto nib = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
        salt[i] = static_cast<unsigned char>(nib(salt_hex[2 * i]) * 16 + nib(salt_hex[2 * i + 1]));
    }
    unsigned char out[16];
    if (crypto_pwhash_argon2id(out, sizeof out, code.data(), code.size(), salt, 2, 4u << 20,
                               crypto_pwhash_argon2id_ALG_ARGON2ID13) != 0)
        return {};
    char hex[33];
    for (std::size_t i = 0; i < sizeof out; ++i) std::snprintf(hex + 2 * i, 3, "%02x", out[i]);
    return hex;
}

Result<Id> check_household_code(const Poll& poll, std::string_view typed) {
    auto code = normalize_code(typed);
    if (!code) return make_error("err.code.format", {std::to_string(kCodeLength)});
    std::string h = code_hash(*code, poll.salt);
    for (const auto& c : poll.codes)
        if (c.hash == h) return c.household;
    return make_error("err.code.unknown");
}

}  // namespace linli
