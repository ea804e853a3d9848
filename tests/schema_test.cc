// The published schemas are generated from the catalogue; the committed
// copies must match, and real inputs and outputs must validate against them.
#include <boost/test/unit_test.hpp>

#include "clef/schema.h"
#include "support.h"

using namespace clef;
using namespace clef::test;

BOOST_AUTO_TEST_SUITE(schema_test)

BOOST_AUTO_TEST_CASE(committed_schemas_are_up_to_date) {
  // Regenerate with: clef schema xsd > docs/schemas/input.xsd (and json, decision).
  BOOST_TEST(read_text(source_path("docs/schemas/input.xsd")) == input_xsd());
  BOOST_TEST(read_text(source_path("docs/schemas/input.schema.json")) == input_json_schema());
  BOOST_TEST(read_text(source_path("docs/schemas/decision.schema.json")) == decision_json_schema());
}

BOOST_AUTO_TEST_CASE(xml_samples_validate_against_the_xsd) {
  Run r = run_shell(std::string("cd ") + CLEF_SOURCE_DIR +
                    " && xmllint --noout --schema docs/schemas/input.xsd samples/missions/*.xml "
                    "samples/agreements/*.xml samples/calls/*.xml samples/volunteers/*.xml "
                    "samples/faulty/*.xml");
  BOOST_TEST(r.exit_code == 0, r.err);
  // And the XSD refuses what the reader refuses.
  r = run_shell(
      std::string("cd ") + CLEF_SOURCE_DIR +
      " && xmllint --noout --schema docs/schemas/input.xsd samples/bad/champ-inconnu.xml");
  BOOST_TEST(r.exit_code != 0);
}

BOOST_AUTO_TEST_CASE(json_samples_and_decisions_validate) {
  // Debian's python3 carries python3-jsonschema (scripts/install-deps.sh).
  const std::string validate =
      "/usr/bin/python3 -c 'import json,sys,jsonschema\n"
      "schema=json.load(open(sys.argv[1]))\n"
      "docs=json.load(open(sys.argv[2]))\n"
      "docs=docs if isinstance(docs,list) else [docs]\n"
      "[jsonschema.validate(d,schema) for d in docs]\n"
      "print(len(docs))' ";
  std::string dir = std::string("cd ") + CLEF_SOURCE_DIR + " && ";
  for (std::string f :
       {"samples/missions/guinee-riziculture.json",
        "samples/agreements/territoires-volontaires.json",
        "samples/faulty/madagascar-sc-14-mois-27-ans.json",
        "samples/calls/etude-territoires-volontaires.json", "samples/volunteers/huong-nguyen.json",
        "samples/volunteers/zoe-loeuvre.json", "samples/volunteers/mathilde-agbodjan.json",
        "samples/volunteers/theo-marechal.json"}) {
    Run r = run_shell(dir + validate + "docs/schemas/input.schema.json " + f);
    BOOST_TEST(r.exit_code == 0, f << ": " << r.err);
  }
  std::string out = "/tmp/clef-decisions-" + std::to_string(::getpid()) + ".json";
  Run c =
      run_shell(dir + CLEF_BINARY +
                " check --format json samples/missions/* samples/agreements/* samples/calls/*.xml "
                "samples/calls/*.json "
                "samples/faulty/*.xml samples/faulty/*.json > " +
                out);
  BOOST_TEST(c.exit_code == 1);  // some are faulty
  Run r = run_shell(dir + validate + "docs/schemas/decision.schema.json " + out);
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(std::stoi(r.out) >= 28);
  std::remove(out.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
