# Writes the zh-CN and en string tables into a C++ source as raw string literals,
# so the app and the CLI carry them without a file to fetch. With EN empty (the web
# build) English is left out: the app fetches it when someone asks for it.
file(READ "${ZH}" zh)
set(en "")
if(EN)
  file(READ "${EN}" en)
endif()
file(WRITE "${OUT}" "// Generated from assets/strings by embed_strings.cmake. Do not edit.\n"
  "#include \"core/i18n.h\"\n"
  "namespace linli {\n"
  "std::string_view builtin_strings(Lang lang) {\n"
  "    static const char zh[] = R\"linli(${zh})linli\";\n"
  "    static const char en[] = R\"linli(${en})linli\";\n"
  "    return lang == Lang::zh ? std::string_view(zh, sizeof zh - 1) : std::string_view(en, sizeof en - 1);\n"
  "}\n"
  "}  // namespace linli\n")
