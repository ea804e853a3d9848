// The accredited-carrier registry: who holds which agrément, from when to when.
#include "../util/unicode.h"
#include "ruleset_data.h"
#include "xml_source.h"

namespace clef::detail {

void load_registry(const std::string& file, const std::string& bytes, Registry& registry,
                   std::vector<LoadError>& errors) {
  XmlSource src(file, bytes, errors);
  if (!src.ok()) return;
  pugi::xml_node root = src.root();
  if (std::string_view(root.name()) != "registry") {
    src.error(root, "élément racine <registry> attendu");
    return;
  }
  registry.example = root.attribute("example").as_bool();
  registry.notice = src.localized(root, "notice", false);
  for (pugi::xml_node c = root.child("carrier"); c; c = c.next_sibling("carrier")) {
    Carrier carrier;
    carrier.name = src.required(c, "name");
    size_t index = registry.carriers.size();
    auto add_key = [&](const std::string& key, pugi::xml_node at) {
      auto [it, inserted] = registry.by_key.emplace(fold_for_matching(key), index);
      if (!inserted && it->second != index)
        src.error(at, "« " + key + " » désigne déjà une autre structure");
    };
    add_key(carrier.name, c);
    for (pugi::xml_node a = c.child("alias"); a; a = a.next_sibling("alias"))
      add_key(XmlSource::collapse(a.child_value()), a);
    for (pugi::xml_node a = c.child("agrement"); a; a = a.next_sibling("agrement")) {
      Agrement ag;
      ag.kind = src.required(a, "kind");
      ag.number = src.required(a, "number");
      auto from = Date::from_iso(a.attribute("from").value());
      auto to = Date::from_iso(a.attribute("to").value());
      if (ag.kind != "vsi" && ag.kind != "service_civique")
        src.error(a, "kind=\"vsi\" ou \"service_civique\" attendu");
      if (!from || !to) {
        src.error(a, "from= et to= (AAAA-MM-JJ) requis sur <agrement>");
        continue;
      }
      if (*to < *from) src.error(a, "agrément « " + ag.number + " » : fin avant début");
      ag.from = *from;
      ag.to = *to;
      // Décret 2022-1067 art. 1-2: a VSI agrément lasts at most four years;
      // a Service Civique one at most three (L120-30). Longer is a data error.
      int limit_years = ag.kind == "vsi" ? 4 : 3;
      int fy, ty;
      unsigned fm, fd, tm, td;
      from->to_ymd(fy, fm, fd);
      to->to_ymd(ty, tm, td);
      if (Date::from_ymd(fy + limit_years, fm, fd) <= *to)
        src.error(a, "agrément « " + ag.number + " » de plus de " + std::to_string(limit_years) +
                         " ans (durée maximale légale)");
      add_key(ag.number, a);
      carrier.agrements.push_back(std::move(ag));
    }
    registry.carriers.push_back(std::move(carrier));
  }
}

}  // namespace clef::detail
