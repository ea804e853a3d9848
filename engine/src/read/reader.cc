// Entry points: size and encoding checks, syntax detection, then one of the
// two parsers and the binder, for documents and for volunteer files alike.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>

#include "../util/files.h"
#include "../util/unicode.h"
#include "raw_tree.h"

namespace clef {

namespace {

// `size` is the file's size, or 0 for a stream that went past the limit.
InputError too_large(std::string_view name, size_t size) {
  const std::string limit = std::to_string(kMaxInputBytes);
  if (size == 0)
    return detail::make_error("too_large", name, {}, "",
                              "fichier trop volumineux : plus de " + limit + " octets",
                              "file too large: more than " + limit + " bytes");
  return detail::make_error(
      "too_large", name, {}, "",
      "fichier trop volumineux : " + std::to_string(size) + " octets, maximum " + limit,
      "file too large: " + std::to_string(size) + " bytes, at most " + limit);
}

InputError io_error(std::string_view name, int error) {
  std::string fr, en;
  switch (error) {
    case ENOENT:
      fr = "fichier introuvable", en = "no such file";
      break;
    case EACCES:
    case EPERM:
      fr = "lecture refusée (droits insuffisants)", en = "permission denied";
      break;
    case EISDIR:
      fr = "c'est un répertoire (attendu : un fichier)", en = "is a directory (expected a file)";
      break;
    case ELOOP:
      fr = "boucle de liens symboliques", en = "symbolic link loop";
      break;
    case ENOTDIR:
      fr = "chemin invalide (une partie n'est pas un répertoire)",
      en = "invalid path (a part of it is not a directory)";
      break;
    default:
      fr = std::string("lecture impossible (") + std::strerror(error) + ")";
      en = std::string("cannot read (") + std::strerror(error) + ")";
  }
  return detail::make_error("io", name, {}, "", "lecture impossible : " + fr, "cannot read: " + en);
}

ReadResult failure(InputError e) {
  ReadResult r;
  r.errors.push_back(std::move(e));
  return r;
}

InputFormat detect(std::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '<') return InputFormat::xml;
    return InputFormat::json;
  }
  return InputFormat::json;
}

// Size, encoding and syntax checks, then `bind` over the raw tree: the path
// every input takes, documents and volunteer files alike.
template <class Bind>
ReadResult read_bytes(std::string_view bytes, std::string_view name, InputFormat format,
                      Bind&& bind) {
  using detail::make_error;
  if (bytes.size() > kMaxInputBytes) return failure(too_large(name, bytes.size()));
  // A UTF-8 byte order mark is tolerated, as editors on Windows write one.
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  detail::LineTable lines(bytes);
  if (auto fault = detail::find_text_fault(bytes)) {
    if (!fault.encoding)
      return failure(detail::char_error(name, lines, fault.offset, "", fault.code_point));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(fault.code_point));
    return failure(make_error(
        "invalid_utf8", name, lines.position(static_cast<uint32_t>(fault.offset)), "",
        std::string("UTF-8 invalide : octet ") + hex + " inattendu (attendu : texte UTF-8)",
        std::string("invalid UTF-8: unexpected byte ") + hex + " (expected UTF-8 text)"));
  }
  if (format == InputFormat::automatic) format = detect(bytes);

  detail::RawTree tree;
  std::string xml_buffer;  // pugixml parses in place, so it needs its own copy
  detail::ParseOutcome parsed;
  if (format == InputFormat::xml) {
    xml_buffer.assign(bytes);
    parsed = detail::parse_xml(xml_buffer, name, lines, tree);
  } else {
    parsed = detail::parse_json(bytes, name, lines, tree);
  }
  if (!parsed.ok) {
    ReadResult r;
    r.errors = std::move(parsed.errors);
    return r;
  }
  return bind(tree, name, lines);
}

// Reads a whole file ("-" = standard input) into `bytes`, up to the size
// limit; pipes and FIFOs, which have no size to ask for, are read to their end.
std::optional<InputError> load(const std::string& path, std::string& bytes) {
  FileRead r = read_file_limited(path, kMaxInputBytes, bytes);
  if (r.too_large) return too_large(path, r.size);
  if (r.error) return io_error(path, r.error);
  return std::nullopt;
}

// The syntax a file name announces, unless the caller chose one.
InputFormat format_of(const std::string& path, InputFormat format) {
  if (format != InputFormat::automatic) return format;
  if (path.ends_with(".xml")) return InputFormat::xml;
  if (path.ends_with(".json")) return InputFormat::json;
  return format;
}

}  // namespace

ReadResult read_document(std::string_view bytes, std::string_view name, InputFormat format) {
  return read_bytes(bytes, name, format, detail::bind);
}

ReadResult read_file(const std::string& path, InputFormat format) {
  std::string bytes;
  if (auto e = load(path, bytes)) return failure(std::move(*e));
  return read_document(bytes, path, format_of(path, format));
}

bool read_volunteer(std::string_view bytes, std::string_view name, Document& mission,
                    std::vector<InputError>& errors, InputFormat format) {
  if (mission.kind != DocumentKind::mission) {
    std::string kind(to_string(mission.kind));
    errors.push_back(
        detail::make_error("wrong_value", mission.source, {}, "",
                           "« " + mission.source + " » est un document " + kind +
                               ", pas une mission : un fichier de volontaire complète une mission",
                           "'" + mission.source + "' is a " + kind +
                               " document, not a mission: a volunteer file completes a mission"));
    return false;
  }
  ReadResult r = read_bytes(bytes, name, format, detail::bind_volunteer);
  if (!r.document) {
    errors.insert(errors.end(), std::make_move_iterator(r.errors.begin()),
                  std::make_move_iterator(r.errors.end()));
    return false;
  }
  // Facts derived from the previous volunteer, if any, go too: the check
  // derives them again from the new one.
  mission.values.resize(catalogue().size());
  auto fields = catalogue();
  for (size_t id = 0; id < fields.size(); ++id)
    if (fields[id].path.starts_with("volunteer."))
      mission.values[id] = fields[id].derived ? Value() : std::move(r.document->values[id]);
  return true;
}

bool read_volunteer_file(const std::string& path, Document& mission,
                         std::vector<InputError>& errors, InputFormat format) {
  std::string bytes;
  if (auto e = load(path, bytes)) {
    errors.push_back(std::move(*e));
    return false;
  }
  return read_volunteer(bytes, path, mission, errors, format_of(path, format));
}

}  // namespace clef
