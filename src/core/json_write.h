// Writes records through cereal's JSON archive. Empty texts, lists, false flags and
// absent optionals are left out (readers take the default), so large bundles stay small.
#pragma once
#include <cereal/archives/json.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/json_read.h"  // has_visit
#include "core/records.h"

namespace linli {

enum class Scope { public_, committee };
template <> struct EnumNames<Scope> {
    static constexpr std::array<std::string_view, 2> names{"public", "committee"};
};

class FieldWriter {
public:
    FieldWriter(cereal::JSONOutputArchive& ar, Scope scope) : ar_(ar), scope_(scope) {}

    template <class T> void operator()(const char* name, const T& value, const Rules& rules) {
        if (rules.committee && scope_ == Scope::public_) return;
        if (is_empty(value)) return;
        // A committee field this device never had (it holds public data) stays absent.
        if constexpr (std::is_arithmetic_v<T>)
            if (rules.committee && value == T{}) return;
        ar_.setNextName(name);
        write(value);
    }

    template <class T> void write(const T& value) {
        if constexpr (is_optional<T>::value) {
            write(*value);
        } else if constexpr (is_vector<T>::value) {
            ar_.startNode();
            ar_.makeArray();
            for (const auto& e : value) write(e);
            ar_.finishNode();
        } else if constexpr (std::is_enum_v<T>) {
            ar_.writeName();
            ar_.saveValue(enum_name(value).data());
        } else if constexpr (has_visit<T>::value) {
            ar_.startNode();
            const_cast<T&>(value).visit(*this);  // visit() only reads the fields here
            ar_.finishNode();
        } else if constexpr (std::is_same_v<T, LocalText>) {
            ar_.startNode();
            if (!value.zh.empty()) { ar_.setNextName("zh"); write(value.zh); }
            if (!value.en.empty()) { ar_.setNextName("en"); write(value.en); }
            ar_.finishNode();
        } else {
            ar_.writeName();
            ar_.saveValue(value);
        }
    }

private:
    template <class T> struct is_optional : std::false_type {};
    template <class T> struct is_optional<std::optional<T>> : std::true_type {};
    template <class T> struct is_vector : std::false_type {};
    template <class T> struct is_vector<std::vector<T>> : std::true_type {};

    template <class T> static bool is_empty(const T& v) {
        if constexpr (is_optional<T>::value) return !v.has_value();
        else if constexpr (is_vector<T>::value || std::is_same_v<T, std::string>) return v.empty();
        else if constexpr (std::is_same_v<T, LocalText>) return v.empty();
        else if constexpr (std::is_same_v<T, bool>) return !v;
        else return false;
    }

    cereal::JSONOutputArchive& ar_;
    Scope scope_;
};

}  // namespace linli
