// Every input a fuzzer ever crashed on (fuzz/regressions/) and every seed
// (fuzz/corpus/) goes through the fuzzer's own entry point again. Under the
// sanitize preset this is where undefined behaviour would show.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <filesystem>

#include "support.h"

extern "C" int clef_xml_reader_fuzzer(const uint8_t*, size_t);
extern "C" int clef_json_reader_fuzzer(const uint8_t*, size_t);
extern "C" int clef_rule_pack_fuzzer(const uint8_t*, size_t);
extern "C" int clef_condition_fuzzer(const uint8_t*, size_t);
extern "C" int clef_document_fuzzer(const uint8_t*, size_t);

using namespace clef::test;
namespace fs = std::filesystem;

namespace {

using Entry = int (*)(const uint8_t*, size_t);

int replay(const std::string& target, Entry entry) {
  int count = 0;
  for (const char* dir : {"fuzz/regressions/", "fuzz/corpus/"}) {
    fs::path path = source_path(dir + target);
    if (!fs::exists(path)) continue;
    for (auto& e : fs::directory_iterator(path)) {
      std::string bytes = read_text(e.path().string());
      BOOST_TEST_CHECKPOINT(e.path().string());
      entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++count;
    }
  }
  return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fuzz_regressions_test)

BOOST_AUTO_TEST_CASE(xml_reader) {
  BOOST_TEST(replay("xml_reader_fuzzer", clef_xml_reader_fuzzer) > 2);
}
BOOST_AUTO_TEST_CASE(json_reader) {
  BOOST_TEST(replay("json_reader_fuzzer", clef_json_reader_fuzzer) > 2);
}
BOOST_AUTO_TEST_CASE(rule_pack) {
  BOOST_TEST(replay("rule_pack_fuzzer", clef_rule_pack_fuzzer) > 1);
}
BOOST_AUTO_TEST_CASE(condition) {
  BOOST_TEST(replay("condition_fuzzer", clef_condition_fuzzer) > 6);
}

BOOST_AUTO_TEST_CASE(document) {
  BOOST_TEST(replay("document_fuzzer", clef_document_fuzzer) > 50);
}

BOOST_AUTO_TEST_CASE(the_fixed_bugs_now_give_clear_errors) {
  auto first = [](const std::string& bytes) {
    clef::ReadResult r = clef::read_document(bytes, "t");
    BOOST_REQUIRE(!r.errors.empty());
    return r.errors[0].code;
  };
  BOOST_TEST(first("{\"kind\":\"mission\",\"days_per_week\":1e300}") == "wrong_type");
  BOOST_TEST(first("<mission><weekly_hours>nan</weekly_hours></mission>") == "wrong_type");
  BOOST_TEST(first("<mission><weekly_hours>inf</weekly_hours></mission>") == "wrong_type");
}

BOOST_AUTO_TEST_SUITE_END()
