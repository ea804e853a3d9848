// What the report benchmark's two programs share (clef_report_bench and
// clef_report_html): the missions, checked once, and writing their reports.
// What every benchmark shares is in harness.h.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clef/decision.h"
#include "clef/documents.h"
#include "clef/ruleset.h"
#include "harness.h"

namespace clef_bench {

// --lang fr|en: the language of the reports.
void add_lang_option(CLI::App& app, clef::Lang& lang);

struct Mission {
  std::string stem;  // "guinee-riziculture"
  std::string title;
  clef::Decision decision;
};

// Every samples_dir/missions/*.xml but the drafts (draft-*.xml): the six
// missions of the CLONG leaflet. Checked as `clef check` does by default.
std::vector<Mission> check_missions(const std::shared_ptr<const clef::Ruleset>& ruleset,
                                    const std::string& samples_dir);

// Writes report_html() of every mission to dir/<stem>.html, or, with
// copies >= 1, to dir/<stem>-001.html … dir/<stem>-NNN.html (same content).
// Returns the number of files written.
size_t write_html(const std::vector<Mission>& missions, const std::string& dir, clef::Lang lang,
                  int copies);

void write_file(const std::string& path, const std::string& bytes);

// The templates of `dir`, or the program stops with their errors.
std::shared_ptr<const clef::TemplateSet> load_templates_or_die(const std::string& dir);

// Pages of a PDF written by clef (a byte scan for its page objects).
int count_pages(std::string_view pdf);

}  // namespace clef_bench
