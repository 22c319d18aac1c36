#include "core/committee_fields.h"

#include <type_traits>
#include <vector>

#include "core/json_read.h"  // has_visit

namespace linli {
namespace {

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

// The addresses of an object's fields, in visit() order.
struct FieldAddresses {
    std::vector<const void*> out;
    template <class T> void operator()(const char*, T& value, const Rules&) { out.push_back(&value); }
};

template <class T, class Fn> void walk(T& to, const T& from, Fn& fn, CommitteeFields which);

// Visits `to` while stepping through `from`'s fields in the same order: one type, so
// the two lists line up. Calls fn(to_field, from_field) for each committee field asked for.
template <class Fn> struct CommitteePairs {
    Fn& fn;
    CommitteeFields which;
    std::vector<const void*> from;
    std::size_t next = 0;
    template <class T> void operator()(const char*, T& to, const Rules& r) {
        const T& other = *static_cast<const T*>(from[next++]);
        if (!r.committee) walk(to, other, fn, which);
        else if (which == CommitteeFields::all || !r.follows_version) fn(to, other);
    }
};

// Objects field by field; lists element by element where their lengths agree (else they
// are different lists, with nothing to pair); optionals where both are set.
template <class T, class Fn> void walk(T& to, const T& from, Fn& fn, CommitteeFields which) {
    if constexpr (has_visit<T>::value) {
        FieldAddresses a;
        const_cast<T&>(from).visit(a);  // visit() only takes addresses here
        CommitteePairs<Fn> pairs{fn, which, std::move(a.out)};
        to.visit(pairs);
    } else if constexpr (is_vector<T>::value) {
        if (to.size() == from.size())
            for (std::size_t i = 0; i < to.size(); ++i) walk(to[i], from[i], fn, which);
    } else if constexpr (is_optional<T>::value) {
        if (to && from) walk(*to, *from, fn, which);
    }
}

template <class Fn> void walk_bodies(Record& to, const Record& from, CommitteeFields which, Fn fn) {
    if (to.kind() != from.kind()) return;
    std::visit([&](auto& body) { walk(body, std::get<std::decay_t<decltype(body)>>(from.body), fn, which); },
               to.body);
}

// Clears the fields a public export leaves out, at any depth (as FieldWriter does).
struct CommitteeFieldClearer {
    template <class T> void operator()(const char*, T& value, const Rules& r) {
        if (r.committee) value = T{};
        else clear_inside(value);
    }
    template <class T> void clear_inside(T& value) {
        if constexpr (has_visit<T>::value) value.visit(*this);
        else if constexpr (is_vector<T>::value) for (auto& e : value) clear_inside(e);
        else if constexpr (is_optional<T>::value) { if (value) clear_inside(*value); }
    }
};

}  // namespace

Record public_view(const Record& r) {
    Record out = r;
    CommitteeFieldClearer clear;
    std::visit([&](auto& body) { body.visit(clear); }, out.body);
    return out;
}

bool fill_committee_fields(Record& to, const Record& from, CommitteeFields which) {
    bool filled = false;
    walk_bodies(to, from, which, [&](auto& mine, const auto& theirs) {
        using T = std::decay_t<decltype(mine)>;
        if (mine == T{} && !(theirs == T{})) {
            mine = theirs;
            filled = true;
        }
    });
    return filled;
}

bool lacks_committee_fields_of(const Record& to, const Record& from) {
    bool lacks = false;
    walk_bodies(const_cast<Record&>(to), from, CommitteeFields::kept, [&](auto& mine, const auto& theirs) {  // reads only
        using T = std::decay_t<decltype(mine)>;
        lacks = lacks || (mine == T{} && !(theirs == T{}));
    });
    return lacks;
}

}  // namespace linli
