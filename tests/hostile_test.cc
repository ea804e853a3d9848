// The hostile corpus (tests/hostile/cases.json, described in its README):
// each case through the engine, then through the clef binary as a user runs it.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "clef/reader.h"
#include "clef/render.h"
#include "pdf_support.h"
#include "support.h"

using namespace clef;
using namespace clef::test;
namespace fs = std::filesystem;

namespace {

const char* const kMission = "samples/missions/madagascar-artisanat.xml";

struct Case {
  std::string name, ext, command, code, at, stderr_words;
  std::string bytes;
};

std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

std::vector<Case> corpus() {
  auto j = nlohmann::json::parse(read_text(source_path("tests/hostile/cases.json")));
  std::vector<Case> out;
  for (auto& c : j) {
    Case k;
    k.name = c.at("name");
    k.ext = c.at("ext");
    k.command = c.value("command", "check");
    k.code = c.value("code", "");
    k.at = c.value("at", "");
    k.stderr_words = c.value("stderr", "");
    k.bytes = c.contains("hex") ? from_hex(c["hex"]) : c.at("text").get<std::string>();
    out.push_back(std::move(k));
  }
  return out;
}

// The first input error the engine reports, or an empty one.
InputError engine_error(const Case& c, const std::string& name) {
  std::vector<InputError> errors;
  if (c.command == "contract") {
    ReadResult mission = read_file(source_path(kMission));
    BOOST_REQUIRE(mission.document);
    read_volunteer(c.bytes, name, *mission.document, errors,
                   c.ext == "xml" ? InputFormat::xml : InputFormat::json);
  } else {
    errors =
        read_document(c.bytes, name, c.ext == "xml" ? InputFormat::xml : InputFormat::json).errors;
  }
  return errors.empty() ? InputError{} : errors.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_test)

BOOST_AUTO_TEST_CASE(every_case_through_the_engine) {
  for (const Case& c : corpus()) {
    BOOST_TEST_CONTEXT(c.name) {
      InputError e = engine_error(c, "input." + c.ext);
      BOOST_TEST(e.code == c.code, "got '" << e.code << "': " << e.message_en);
      if (!c.at.empty())
        BOOST_TEST(std::to_string(e.position.line) + ":" + std::to_string(e.position.column) ==
                   c.at);
      // Messages are text like any other: valid UTF-8, no control character.
      BOOST_TEST(terminal_safe(e.message_fr, true) == e.message_fr);
      BOOST_TEST(terminal_safe(e.message_en, true) == e.message_en);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_case_through_the_command) {
  for (const Case& c : corpus()) {
    BOOST_TEST_CONTEXT(c.name) {
      Scratch s;
      const std::string input = s / ("input." + c.ext), out = s / "out.pdf";
      std::ofstream(input, std::ios::binary) << c.bytes;
      std::string args;
      if (c.command == "check")
        args = "check --format json " + input;
      else if (c.command == "contract")
        args = "contract " + std::string(kMission) + " --volunteer " + input + " -o " + out;
      else
        args = c.command + " --as-of 2026-01-01 " + input + " -o " + out;
      Run r = run_clef(args);
      const bool refused = !c.code.empty();
      const int expected = refused ? 2 : c.command == "check" ? 1 : 0;
      BOOST_TEST(r.exit_code == expected, r.err);
      if (c.command == "check") {
        // Whatever the input, the JSON on stdout parses.
        auto j = nlohmann::json::parse(r.out, nullptr, false);
        BOOST_TEST(!j.is_discarded(), r.out);
        if (refused && !j.is_discarded()) BOOST_TEST(j["errors"][0]["code"] == c.code);
      } else {
        BOOST_TEST(fs::exists(out) == !refused);
        if (!refused && fs::exists(out)) BOOST_TEST(read_text(out).starts_with("%PDF-1."));
      }
      if (refused) {
        BOOST_TEST(r.err.find("input." + c.ext + ":" + c.at) != std::string::npos, r.err);
        BOOST_TEST(r.err.find(c.stderr_words) != std::string::npos, r.err);
      }
      // Only the input and the document (if any) are left.
      size_t files = 0;
      for ([[maybe_unused]] auto& e : fs::directory_iterator(s.dir)) ++files;
      BOOST_TEST(files == (fs::exists(out) ? 2u : 1u));
    }
  }
}

// Names and values are quoted in messages, never whole: a key of megabytes
// gives a message of one line, and the "did you mean" search stays cheap.
BOOST_AUTO_TEST_CASE(huge_names_give_short_messages) {
  const std::string key(4u << 20, 'x');
  for (const std::string& input :
       {"{\"kind\": \"mission\", \"" + key + "\": 1}", "<" + key + "/>",
        "<mission><" + key + ">1</" + key + "></mission>",
        "{\"kind\": \"mission\", \"title\": 5, \"weekly_hours\": \"" + key + "\"}"}) {
    ReadResult r = read_document(input, "huge");
    BOOST_REQUIRE(!r.errors.empty());
    BOOST_TEST(r.errors[0].format(Lang::fr).size() < 400u, r.errors[0].format(Lang::fr).size());
    BOOST_TEST(r.errors[0].format(Lang::en).size() < 400u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
