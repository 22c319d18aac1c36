#include "core/schema.h"

#include <rapidjson/prettywriter.h>
#include <functional>
#include <rapidjson/stringbuffer.h>

#include <type_traits>

#include "core/bundle.h"
#include "core/json_read.h"  // has_visit

namespace linli {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

void key(Writer& w, const char* k) { w.Key(k); }

// Writes the "properties" of one object, one field at a time, as visit() lists them.
class SchemaFields {
public:
    explicit SchemaFields(Writer& w) : w_(w) {}

    template <class T> void operator()(const char* name, T& value, const Rules& r) {
        w_.Key(name);
        type_of(value, r);
    }

    template <class T> void type_of(T& value, const Rules& r) {
        if constexpr (is_optional<T>::value) {
            typename T::value_type inner{};
            type_of(inner, r);
        } else if constexpr (is_vector<T>::value) {
            w_.StartObject();
            key(w_, "type"); w_.String("array");
            key(w_, "maxItems"); w_.Uint64(r.max_items);
            key(w_, "items");
            typename T::value_type inner{};
            Rules item = r;
            item.committee = false;
            type_of(inner, item);
            w_.EndObject();
        } else if constexpr (std::is_enum_v<T>) {
            w_.StartObject();
            committee(r);
            key(w_, "enum");
            w_.StartArray();
            for (auto n : EnumNames<T>::names) w_.String(n.data(), static_cast<rapidjson::SizeType>(n.size()));
            w_.EndArray();
            w_.EndObject();
        } else if constexpr (has_visit<T>::value) {
            object(value);
        } else if constexpr (std::is_same_v<T, LocalText>) {
            w_.StartObject();
            key(w_, "type"); w_.String("object");
            committee(r);
            if (r.min_len > 0) { key(w_, "minProperties"); w_.Uint(1); }
            key(w_, "properties");
            w_.StartObject();
            Rules each = r;
            each.min_len = 0;
            std::string s;
            for (const char* lang : {"zh", "en"}) {
                w_.Key(lang);
                type_of(s, each);
            }
            w_.EndObject();
            key(w_, "additionalProperties"); w_.Bool(false);
            w_.EndObject();
        } else if constexpr (std::is_same_v<T, std::string>) {
            w_.StartObject();
            key(w_, "type"); w_.String("string");
            committee(r);
            if (r.id) {
                key(w_, "pattern"); w_.String("^[0-9a-f]{32}$");
            } else {
                if (r.min_len) { key(w_, "minLength"); w_.Uint64(r.min_len); }
                key(w_, "maxLength"); w_.Uint64(r.max_len);
                // No control characters, and no lone surrogates (a pair is one character in a
                // Unicode-aware pattern): what the reader refuses, the schema refuses.
                key(w_, "pattern");
                w_.String(r.multiline ? "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f\\ud800-\\udfff]*$"
                                      : "^[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]*$");
            }
            w_.EndObject();
        } else if constexpr (std::is_same_v<T, bool>) {
            w_.StartObject();
            key(w_, "type"); w_.String("boolean");
            w_.EndObject();
        } else {
            w_.StartObject();
            key(w_, "type"); w_.String(std::is_integral_v<T> ? "integer" : "number");
            committee(r);
            key(w_, "minimum"); number(r.min, std::is_integral_v<T>);
            key(w_, "maximum"); number(r.max, std::is_integral_v<T>);
            w_.EndObject();
        }
    }

    template <class T> void object(T& value, const std::function<void()>& extra = {}) {
        w_.StartObject();
        key(w_, "type"); w_.String("object");
        key(w_, "properties");
        w_.StartObject();
        if (extra) extra();
        value.visit(*this);
        w_.EndObject();
        key(w_, "additionalProperties"); w_.Bool(false);
        w_.EndObject();
    }

private:
    void committee(const Rules& r) {
        if (r.committee) {
            key(w_, "description");
            w_.String("committee scope only: left out of public exports");
        }
    }
    void number(double d, bool integral) {
        if (integral) w_.Int64(static_cast<std::int64_t>(d));
        else w_.Double(d);
    }
    Writer& w_;
};

template <std::size_t I>
void record_schema(Writer& w) {
    using T = std::variant_alternative_t<I, Body>;
    T body{};
    SchemaFields f(w);
    w.StartObject();
    key(w, "type"); w.String("object");
    // Each kind's scope and how versions merge, as records.h says.
    constexpr Kind kind = static_cast<Kind>(I);
    std::string about = is_committee_only(kind) ? "committee scope only: never in a public export" : "public";
    about += is_immutable(kind) ? "; immutable (insert-only by id)" : "; last writer wins by rev";
    key(w, "description"); w.String(about.c_str());
    key(w, "required");
    w.StartArray();
    for (const char* r : {"id", "kind", "rev"}) w.String(r);
    w.EndArray();
    key(w, "properties");
    w.StartObject();
    key(w, "id");
    w.StartObject(); key(w, "type"); w.String("string"); key(w, "pattern"); w.String("^[0-9a-f]{32}$"); w.EndObject();
    key(w, "kind");
    w.StartObject(); key(w, "const"); w.String(enum_name(static_cast<Kind>(I)).data()); w.EndObject();
    key(w, "rev");
    w.StartObject();
    key(w, "type"); w.String("string");
    key(w, "description"); w.String("hybrid logical clock: wall-clock ms, counter, device id");
    key(w, "pattern"); w.String("^[0-9]{1,15}-[0-9]{1,9}-[0-9a-z]{1,32}$");
    w.EndObject();
    key(w, "deleted");
    w.StartObject(); key(w, "type"); w.String("boolean"); w.EndObject();
    body.visit(f);
    w.EndObject();
    key(w, "additionalProperties"); w.Bool(false);
    w.EndObject();
}

template <std::size_t... I>
void all_records(Writer& w, std::index_sequence<I...>) {
    (record_schema<I>(w), ...);
}

}  // namespace

std::string bundle_json_schema() {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "$schema"); w.String("https://json-schema.org/draft/2020-12/schema");
    key(w, "$id"); w.String("https://linli.invalid/schema/linli-bundle-v1.schema.json");
    key(w, "title"); w.String("Linli bundle, version 1");
    key(w, "description");
    w.String("One device's export of a compound's records. Fields left out take their default "
             "(empty text, false, empty list). Texts count characters (code points).");
    key(w, "type"); w.String("object");
    key(w, "required");
    w.StartArray();
    for (const char* r : {"format", "version", "community", "device", "scope"}) w.String(r);
    w.EndArray();
    key(w, "properties");
    w.StartObject();
    key(w, "format"); w.StartObject(); key(w, "const"); w.String("linli-bundle"); w.EndObject();
    key(w, "version"); w.StartObject(); key(w, "const"); w.Int(kBundleVersion); w.EndObject();
    SchemaFields f(w);
    Bundle header;
    key(w, "community"); f.type_of(header.community, {});
    key(w, "device");
    w.StartObject(); key(w, "type"); w.String("string"); key(w, "pattern"); w.String("^[0-9a-z]{1,32}$"); w.EndObject();
    key(w, "exported_at"); f.type_of(header.exported_at, {.min = 0, .max = 1e14});
    key(w, "scope"); f.type_of(header.scope, {});
    for (const char* list : {"records", "conflicts"}) {
        key(w, list);
        w.StartObject();
        key(w, "type"); w.String("array");
        key(w, "maxItems"); w.Uint64(kMaxBundleRecords);
        key(w, "items"); w.StartObject(); key(w, "$ref"); w.String("#/$defs/record"); w.EndObject();
        w.EndObject();
    }
    w.EndObject();
    key(w, "additionalProperties"); w.Bool(false);
    key(w, "$defs");
    w.StartObject();
    key(w, "record");
    w.StartObject();
    key(w, "oneOf");
    w.StartArray();
    all_records(w, std::make_index_sequence<kKindCount>{});
    w.EndArray();
    w.EndObject();
    w.EndObject();
    w.EndObject();
    return std::string(buf.GetString()) + "\n";
}

}  // namespace linli
