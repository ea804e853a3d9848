// The readers: one content model for XML and JSON, and every kind of bad
// input refused with a code, a position and a message.
#include <boost/test/unit_test.hpp>

#include "clef/model.h"
#include "clef/reader.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

namespace {

ReadResult read(const std::string& bytes, InputFormat f = InputFormat::automatic) {
  return read_document(bytes, "t", f);
}

// The first error, or a test failure when the input was accepted.
InputError first_error(const ReadResult& r) {
  BOOST_REQUIRE_MESSAGE(!r.document, "input was accepted");
  BOOST_REQUIRE(!r.errors.empty());
  return r.errors.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reader_test)

BOOST_AUTO_TEST_CASE(xml_and_json_twins_read_the_same) {
  for (std::string name :
       {"guinee-riziculture", "madagascar-artisanat", "burkina-enfants-rues",
        "inde-cooperation-decentralisee", "vietnam-boulangerie", "haiti-sage-femme"}) {
    auto x = read_file(source_path("samples/missions/" + name + ".xml"));
    auto j = read_file(source_path("samples/missions/" + name + ".json"));
    BOOST_REQUIRE_MESSAGE(x.document && j.document, name);
    BOOST_TEST(canonical_form(*x.document) == canonical_form(*j.document), name);
  }
  auto x = read_file(source_path("samples/agreements/territoires-volontaires.xml"));
  auto j = read_file(source_path("samples/agreements/territoires-volontaires.json"));
  BOOST_REQUIRE(x.document && j.document);
  BOOST_TEST(canonical_form(*x.document) == canonical_form(*j.document));
}

BOOST_AUTO_TEST_CASE(bundled_bad_samples_are_refused) {
  struct Case {
    const char* file;
    const char* code;
    uint32_t line;
  } cases[] = {
      {"samples/bad/malformed.xml", "xml_syntax", 6},
      {"samples/bad/malformed.json", "json_syntax", 5},
      {"samples/bad/wrong-type.json", "wrong_type", 5},
      {"samples/bad/wrong-type.xml", "wrong_type", 7},
      {"samples/bad/date-invalide.xml", "invalid_date", 5},
      {"samples/bad/fin-avant-debut.json", "date_order", 6},
      {"samples/bad/champ-inconnu.xml", "unknown_field", 5},
      {"samples/bad/entity-bomb.xml", "doctype_forbidden", 2},
      {"samples/bad/doctype.xml", "doctype_forbidden", 2},
  };
  for (auto& c : cases) {
    InputError e = first_error(read_file(source_path(c.file)));
    BOOST_TEST(e.code == c.code, c.file << ": " << e.format(Lang::fr));
    BOOST_TEST(e.position.line == c.line, c.file << ": " << e.format(Lang::fr));
  }
}

BOOST_AUTO_TEST_CASE(messages_say_what_was_expected_and_found) {
  InputError e = first_error(read_file(source_path("samples/bad/date-invalide.xml")));
  BOOST_TEST(e.format(Lang::fr) == source_path("samples/bad/date-invalide.xml") +
                                       ":5:4: « start_date » : attendu une date AAAA-MM-JJ, trouvé "
                                       "« 2025-02-30 » (à /mission/start_date)");
  BOOST_TEST(e.message(Lang::en) ==
             "'start_date': expected a YYYY-MM-DD date, found « 2025-02-30 »");
  e = first_error(read_file(source_path("samples/bad/champ-inconnu.xml")));
  BOOST_TEST(e.message(Lang::fr).find("vouliez-vous dire « host »") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_errors_carry_a_pointer_and_a_line) {
  auto e = first_error(read(
      "{\n \"kind\": \"mission\",\n \"volunteer\": {\n  \"birth_date\": \"1990-02-30\"\n }\n}"));
  BOOST_TEST(e.code == "invalid_date");
  BOOST_TEST(e.pointer == "/volunteer/birth_date");
  BOOST_TEST(e.position.line == 4);
  e = first_error(read("{\"kind\": \"mission\", \"activities\": [\"a\", 3]}"));
  BOOST_TEST(e.pointer == "/activities/1");
  e = first_error(read("{\"kind\": \"mission\", \"allowance\": {\"monthly\": {\"amount\": 100}}}"));
  BOOST_TEST(e.code == "wrong_type");
  BOOST_TEST(e.message(Lang::en).find("ISO 4217") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_errors_in_one_pass) {
  auto r =
      read("<mission><weekly_hours>beaucoup</weekly_hours><scheme>vsii</scheme><hots/></mission>");
  BOOST_REQUIRE(!r.document);
  BOOST_TEST(r.errors.size() == 3u);
  BOOST_TEST(r.errors[1].message(Lang::fr).find("parmi : vsi, service_civique") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_input_error) {
  auto e = first_error(read("<mission>\n<title>caf\xE9</title></mission>"));
  BOOST_TEST(e.code == "invalid_utf8");
  BOOST_TEST(e.position.line == 2);
  BOOST_TEST(e.position.column == 11);
  e = first_error(read("{\"kind\":\"mission\",\"title\":\"\xC0\xAF\"}"));  // overlong
  BOOST_TEST(e.code == "invalid_utf8");
  e = first_error(read("{\"kind\":\"mission\",\"title\":\"\xED\xA0\x80\"}"));  // surrogate
  BOOST_TEST(e.code == "invalid_utf8");
}

BOOST_AUTO_TEST_CASE(text_is_nfc_normalised) {
  auto r = read("{\"kind\":\"mission\",\"volunteer\":{\"name\":\"Ele\xCC\x81onore\"}}");
  BOOST_REQUIRE(r.document);
  BOOST_TEST(*r.document->values[*find_field("volunteer.name")].get<std::string>() ==
             "El\xC3\xA9onore");
}

BOOST_AUTO_TEST_CASE(fifty_megabytes_are_refused_before_parsing) {
  std::string big = "<mission><title>" + std::string(50u << 20, 'a') + "</title></mission>";
  auto e = first_error(read(big));
  BOOST_TEST(e.code == "too_large");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_without_recursion) {
  std::string xml, json = "{\"kind\":\"mission\",\"host\":";
  for (int i = 0; i < 10000; ++i) xml += "<a>", json += "[";
  for (int i = 0; i < 10000; ++i) xml += "</a>", json += "]";
  json += "}";
  BOOST_TEST(first_error(read("<mission>" + xml + "</mission>")).code == "too_deep");
  BOOST_TEST(first_error(read(json)).code == "too_deep");
}

BOOST_AUTO_TEST_CASE(entity_bombs_never_expand) {
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<mission><title>&lol2;</title></"
      "mission>";
  BOOST_TEST(first_error(read(bomb)).code == "doctype_forbidden");
}

BOOST_AUTO_TEST_CASE(wrong_shapes) {
  BOOST_TEST(first_error(read("[1,2]")).code == "wrong_type");
  BOOST_TEST(first_error(read("{\"title\":\"x\"}")).code == "missing_kind");
  BOOST_TEST(first_error(read("{\"kind\":\"contract\"}")).code == "wrong_value");
  BOOST_TEST(first_error(read("<contract/>")).code == "unknown_root");
  BOOST_TEST(first_error(read("<mission><host>text<name>x</name></host></mission>")).code ==
             "mixed_content");
  BOOST_TEST(first_error(read("<mission><title lang=\"fr\">x</title></mission>")).code ==
             "unknown_attribute");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"title\":\"a\",\"title\":\"b\"}")).code ==
             "duplicate_field");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"place\":{\"country\":\"XX\"}}")).code ==
             "wrong_type");
  BOOST_TEST(first_error(read("{\"kind\":\"mission\",\"group\":{\"size\":4.5}}")).code ==
             "wrong_type");
  BOOST_TEST(first_error(read("{\"kind\":\"agreement\",\"scheme\":\"vsi\"}")).code ==
             "unknown_field");
  BOOST_TEST(first_error(read("")).code == "json_syntax");
  BOOST_TEST(first_error(read_file("/nonexistent/file.xml")).code == "io");
}

BOOST_AUTO_TEST_CASE(absent_and_empty_mean_unknown) {
  auto r = read("<mission><title></title><referent><name/></referent><weekly_hours/></mission>");
  BOOST_REQUIRE(r.document);
  BOOST_TEST(!r.document->values[*find_field("title")].known());
  BOOST_TEST(!r.document->values[*find_field("referent.name")].known());
  BOOST_TEST(!r.document->values[*find_field("volunteer.birth_date")].known());
  auto j = read("{\"kind\":\"mission\",\"title\":null}");
  BOOST_REQUIRE(j.document);
  BOOST_TEST(!j.document->values[*find_field("title")].known());
}

BOOST_AUTO_TEST_SUITE_END()
