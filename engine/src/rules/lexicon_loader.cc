// Lexicons: words that signal a kind of public in free text. Terms are folded
// once here so that matching is accent- and case-insensitive.
#include "../util/unicode.h"
#include "ruleset_data.h"
#include "xml_source.h"

namespace clef::detail {

void load_lexicon(const std::string& file, const std::string& bytes,
                  std::vector<LexiconTerm>& lexicon, std::vector<LoadError>& errors) {
  XmlSource src(file, bytes, errors);
  if (!src.ok()) return;
  pugi::xml_node root = src.root();
  if (std::string_view(root.name()) != "lexicon") {
    src.error(root, "élément racine <lexicon> attendu");
    return;
  }
  for (pugi::xml_node t = root.child("term"); t; t = t.next_sibling("term")) {
    LexiconTerm term;
    term.text = XmlSource::collapse(t.child_value());
    term.category = src.required(t, "category");
    std::string_view word = term.text;
    if (word.find('*') != std::string_view::npos && word.find('*') != word.size() - 1) {
      src.error(t,
                "« * » n'est admis qu'en fin de terme (« enfant* ») : écrire les autres formes en "
                "entier");
      continue;
    }
    if (word.ends_with("*")) {
      term.prefix = true;
      word.remove_suffix(1);
    }
    term.folded = fold_for_matching(word);
    if (term.folded.size() < 2) {
      src.error(t, "terme vide ou trop court");
      continue;
    }
    lexicon.push_back(std::move(term));
  }
}

}  // namespace clef::detail
