// Which template each command uses, and what a template set offers.
#include "clef/documents.h"
#include "template.h"

namespace clef {

std::string report_template(const Decision&) {
  return "report";
}

std::string tor_template(const Decision& decision) {
  switch (decision.kind) {
    case DocumentKind::mission:
      return "tor-mission";
    case DocumentKind::call:
      return "tor-call";
    default:
      return "";  // an agreement is not published as terms of reference
  }
}

std::string contract_template(const Decision& decision) {
  if (decision.kind != DocumentKind::mission) return "";
  const Value& scheme = decision.facts->values[*find_field("scheme")];
  const std::string* s = scheme.get<std::string>();
  if (!s) return "";
  if (*s == "vsi") return "contract-vsi";
  if (*s == "service_civique") return "contract-service-civique";
  if (*s == "conge_solidarite") return "agreement-conge-solidarite";
  return "";
}

std::vector<TemplateSet::Info> TemplateSet::list() const {
  std::vector<Info> out;
  for (auto& t : impl_->templates) {
    Info info{t.id, t.file, "", "", ""};
    for (DocumentKind kind : all_kinds())
      if (t.kinds & static_cast<uint8_t>(kind))
        info.kinds += (info.kinds.empty() ? "" : " ") + std::string(to_string(kind));
    for (int lang = 0; lang < 2; ++lang)
      for (auto& p : t.title.lang[static_cast<size_t>(lang)])
        (lang == 0 ? info.title_fr : info.title_en) += p.slot == doc::kNone ? p.literal : "…";
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace clef
