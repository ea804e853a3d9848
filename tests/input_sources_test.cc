// Where `check` reads from, as users and scripts hand it files: standard
// input, /dev/stdin, FIFOs, process substitution, endless devices, whole
// directories; and what it prints from hostile text on a terminal.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pdf_support.h"
#include "support.h"

using namespace clef::test;
namespace fs = std::filesystem;

namespace {

const std::string kMission = "samples/missions/guinee-riziculture.xml";

bool has_line_starting(const std::string& text, const std::string& start) {
  size_t at = 0;
  while (at < text.size()) {
    if (text.compare(at, start.size(), start) == 0) return true;
    size_t nl = text.find('\n', at);
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(input_sources_test)

BOOST_AUTO_TEST_CASE(pipes_fifos_and_process_substitution) {
  const std::string mission = read_text(source_path(kMission));
  Run dash = run_clef("check -", mission);
  BOOST_TEST(dash.exit_code == 0, dash.err);
  Run dev = run_clef("check /dev/stdin", mission);
  BOOST_TEST(dev.exit_code == 0, dev.err);
  BOOST_TEST(dev.out.find("Verdict : CONFORME") != std::string::npos);

  Run substituted = run_shell("cd " + source_path("") + " && bash -c '" + CLEF_BINARY +
                              " check <(cat " + kMission + ")'");
  BOOST_TEST(substituted.exit_code == 0, substituted.err);
  BOOST_TEST(substituted.out.find("Verdict : CONFORME") != std::string::npos);

  Scratch s;
  const std::string fifo = s / "mission.xml";
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Run through = run_shell("cd " + source_path("") + " && (cat " + kMission + " > " + fifo +
                          " &) && " + CLEF_BINARY + " check " + fifo);
  BOOST_TEST(through.exit_code == 0, through.err);

  // A stream without end is read up to the limit, then refused.
  Run endless = run_clef("check /dev/zero");
  BOOST_TEST(endless.exit_code == 2);
  BOOST_TEST(endless.err.find("/dev/zero: fichier trop volumineux : plus de 8388608 octets") !=
                 std::string::npos,
             endless.err);
  Run big = run_shell("cd " + source_path("") + " && head -c 9000000 /dev/zero | " + CLEF_BINARY +
                      " check --lang en -");
  BOOST_TEST(big.exit_code == 2);
  BOOST_TEST(big.err.find("file too large: more than 8388608 bytes") != std::string::npos, big.err);
}

BOOST_AUTO_TEST_CASE(a_directory_is_every_document_under_it) {
  Scratch s;
  fs::create_directories(s / "b/deeper");
  fs::create_directories(s / ".hidden");
  fs::copy_file(source_path(kMission), s / "b/deeper/z.xml");
  fs::copy_file(source_path("samples/faulty/guinee-vsi-30-mois.xml"), s / "a.XML");
  fs::copy_file(source_path("samples/missions/haiti-sage-femme.json"), s / "b/m.json");
  fs::copy_file(source_path("samples/volunteers/zoe-loeuvre.xml"), s / "b/zoe.xml");
  fs::copy_file(source_path(kMission), s / ".hidden/ignored.xml");
  std::ofstream(s / "notes.txt") << "not a document";
  std::ofstream(s / "b/broken.json") << "{";
  fs::create_directory_symlink(s.dir, s / "b/loop");  // not followed

  Run r = run_clef("check --no-passes " + s.dir.string());
  BOOST_TEST(r.exit_code == 2, r.err);
  // Sorted by path; the volunteer file is skipped and said so.
  size_t a = r.out.find(s / "a.XML"), m = r.out.find(s / "b/m.json"),
         z = r.out.find(s / "b/deeper/z.xml");
  BOOST_TEST((z != std::string::npos && m != std::string::npos && a != std::string::npos));
  BOOST_TEST(a < z);
  BOOST_TEST(z < m);
  BOOST_TEST(r.out.find("ignored.xml") == std::string::npos);
  BOOST_TEST(r.err.find(s / "b/zoe.xml" + " : fichier de volontaire ignoré") != std::string::npos,
             r.err);
  BOOST_TEST(r.err.find(s / "b/broken.json" + ":1:2:") != std::string::npos, r.err);
  BOOST_TEST(r.out.find("Bilan : 4 documents — 2 conformes, 1 non conforme, 1 illisible ; 1 "
                        "fichier de volontaire ignoré\n") != std::string::npos,
             r.out);

  // The same as one JSON array, the summary on stderr.
  Run j = run_clef("check --format json --lang en " + s.dir.string());
  auto parsed = nlohmann::json::parse(j.out, nullptr, false);
  BOOST_REQUIRE(!parsed.is_discarded());
  BOOST_TEST(parsed.size() == 4u);
  BOOST_TEST(j.err.find("Summary: 4 documents — 2 conforming, 1 not conforming, 1 unreadable; 1 "
                        "volunteer file skipped") != std::string::npos,
             j.err);
}

BOOST_AUTO_TEST_CASE(several_files_always_print_valid_json) {
  Scratch s;
  std::vector<std::string> files;
  const char* inputs[] = {
      "<mission><title>\xC2\x9B\xE2\x80\xAE titre</title></mission>",  // C1, bidi override
      "{\"kind\": \"mission\", \"title\": \"a\\udc00b\"}",             // refused
      "<mission><title>a&#xD800;b</title></mission>",                  // refused
      "{\"kind\": \"mission\", \"title\": \"\\u202e\\u0085 \\ud83d\\ude00\"}",
  };
  for (size_t i = 0; i < std::size(inputs); ++i) {
    files.push_back(s / ("f" + std::to_string(i) + (inputs[i][0] == '<' ? ".xml" : ".json")));
    std::ofstream(files.back(), std::ios::binary) << inputs[i];
  }
  std::string args = "check --format json";
  for (auto& f : files) args += " " + f;
  Run r = run_clef(args + " " + kMission);
  BOOST_TEST(r.exit_code == 2);
  auto parsed = nlohmann::json::parse(r.out, nullptr, false);
  BOOST_REQUIRE_MESSAGE(!parsed.is_discarded(), r.out);
  BOOST_TEST(parsed.size() == 5u);
  BOOST_TEST(parsed[1]["status"] == "input_error");
  BOOST_TEST(parsed[1]["errors"][0]["code"] == "invalid_char");
}

BOOST_AUTO_TEST_CASE(terminal_output_escapes_what_the_input_holds) {
  Scratch s;
  // C1 CSI (a terminal may read it as ESC [), a right-to-left override,
  // DEL, a line break that would start a line of its own.
  const std::string xml = s / "t.xml";
  std::ofstream(xml, std::ios::binary) << "<mission><title>a\xC2\x9B"
                                          "2J\xE2\x80\xAE"
                                          "evil\x7F\n"
                                          "Verdict : CONFORME</title></mission>";
  Run r = run_clef("check --color always " + xml);
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.out.find("\xC2\x9B") == std::string::npos);
  BOOST_TEST(r.out.find("\xE2\x80\xAE") == std::string::npos);
  BOOST_TEST(r.out.find('\x7F') == std::string::npos);
  BOOST_TEST(r.out.find("« a\\u009B2J\\u202Eevil\\x7F Verdict : CONFORME »") != std::string::npos,
             r.out);
  BOOST_TEST(!has_line_starting(r.out, "Verdict : CONFORME"));
  // Only clef's own colours remain: every ESC starts one of them.
  for (size_t at = r.out.find('\x1B'); at != std::string::npos; at = r.out.find('\x1B', at + 1))
    BOOST_TEST(r.out.compare(at, 2, "\x1B[") == 0);

  // File names come from the user too.
  const std::string odd = s / "a\x1B]0;x\x07.xml";
  fs::copy_file(source_path(kMission), odd);
  Run named = run_clef("check '" + odd + "'");
  BOOST_TEST(named.out.find("a\\x1B]0;x\\x07.xml") != std::string::npos, named.out);
  BOOST_TEST(named.out.find("\x07") == std::string::npos);
  Run refused = run_clef("report '" + odd + "' -o '" + odd + "'");
  BOOST_TEST(refused.exit_code == 2);
  BOOST_TEST(refused.err.find('\x1B') == std::string::npos, refused.err);
}

BOOST_AUTO_TEST_CASE(data_directories_that_cannot_be_read) {
  Scratch s;
  fs::copy(source_path("rules"), s / "rules", fs::copy_options::recursive);
  fs::create_symlink("loop-b.xml", s / "rules/packs/loop-a.xml");
  fs::create_symlink("loop-a.xml", s / "rules/packs/loop-b.xml");
  Run rules = run_clef("check --rules " + (s / "rules") + " " + kMission);
  BOOST_TEST(rules.exit_code == 3);
  BOOST_TEST(rules.err.find("boucle de liens symboliques") != std::string::npos, rules.err);

  fs::copy(source_path("templates"), s / "templates", fs::copy_options::recursive);
  fs::create_symlink("self.xml", s / "templates/self.xml");
  Run templates =
      run_clef("report --templates " + (s / "templates") + " " + kMission + " -o " + (s / "o.pdf"));
  BOOST_TEST(templates.exit_code == 3);
  BOOST_TEST(templates.err.find("self.xml: fichier illisible (boucle de liens symboliques)") !=
                 std::string::npos,
             templates.err);
  BOOST_TEST(!fs::exists(s / "o.pdf"));
}

BOOST_AUTO_TEST_CASE(data_files_are_bounded_and_have_no_doctype) {
  Scratch s;
  fs::copy(source_path("templates"), s / "templates", fs::copy_options::recursive);
  std::ofstream(s / "templates/huge.xml") << std::string(3u << 20, ' ');
  Run huge =
      run_clef("report --templates " + (s / "templates") + " " + kMission + " -o " + (s / "o.pdf"));
  BOOST_TEST(huge.exit_code == 3);
  BOOST_TEST(huge.err.find("huge.xml: fichier trop volumineux") != std::string::npos, huge.err);
  fs::remove(s / "templates/huge.xml");

  std::string labels = read_text(source_path("templates/labels.xml"));
  labels.insert(labels.find("<labels"), "<!DOCTYPE labels [<!ENTITY x \"y\">]>\n");
  std::ofstream(s / "templates/labels.xml") << labels;
  Run doctype = run_clef("templates check --templates " + (s / "templates"));
  BOOST_TEST(doctype.exit_code == 3);
  BOOST_TEST(doctype.err.find("DOCTYPE interdit") != std::string::npos, doctype.err);

  fs::copy(source_path("rules"), s / "rules", fs::copy_options::recursive);
  std::string pack = read_text(source_path("rules/packs/stage.xml"));
  pack.insert(pack.find("<pack"), "<!DOCTYPE pack>\n");
  std::ofstream(s / "rules/packs/stage.xml") << pack;
  Run rules = run_clef("rules list --rules " + (s / "rules"));
  BOOST_TEST(rules.exit_code == 3);
  BOOST_TEST(rules.err.find("stage.xml:") != std::string::npos, rules.err);
  BOOST_TEST(rules.err.find("DOCTYPE interdit") != std::string::npos, rules.err);
}

BOOST_AUTO_TEST_SUITE_END()
