// Where -o may write, for real: devices and FIFOs are written through, links
// and inputs are never replaced, a planted temporary name is not followed,
// read-only and full file systems and a SIGTERM in the middle of a write
// leave nothing behind (output_file.h says why each one is so).
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "pdf_support.h"
#include "support.h"

using namespace clef::test;
namespace fs = std::filesystem;

namespace {

const std::string kMission = "samples/missions/haiti-sage-femme.xml";

std::string report_to(const std::string& out, const std::string& extra = "") {
  return "report --as-of 2026-01-01 " + kMission + " " + extra + " -o '" + out + "'";
}

// The names in a directory, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  BOOST_REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string expected_pdf() {
  static const std::string pdf = run_clef(report_to("-")).out;
  return pdf;
}

// A tmpfs mounted for the test (root only), unmounted at the end.
struct Mount {
  std::string dir;
  bool ok = false;
  Mount(const std::string& where, const std::string& options) : dir(where) {
    fs::create_directories(dir);
    ok = ::geteuid() == 0 && ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  void remount_read_only() {
    ok = ::mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }
  ~Mount() {
    if (ok || ::geteuid() == 0) ::umount(dir.c_str());
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output_test)

BOOST_AUTO_TEST_CASE(devices_are_written_through_never_replaced) {
  Run null = run_clef(report_to("/dev/null"));
  BOOST_TEST(null.exit_code == 0, null.err);
  struct stat st {};
  BOOST_REQUIRE(::stat("/dev/null", &st) == 0);
  BOOST_TEST(S_ISCHR(st.st_mode));
  BOOST_TEST(major(st.st_rdev) == 1u);
  BOOST_TEST(minor(st.st_rdev) == 3u);

  // /dev/stdout is a symbolic link to a pipe here: written through too.
  Run out = run_clef(report_to("/dev/stdout"));
  BOOST_TEST(out.exit_code == 0, out.err);
  BOOST_TEST(out.out == expected_pdf());
}

BOOST_AUTO_TEST_CASE(fifo_gets_the_whole_document) {
  Scratch s;
  const std::string fifo = s / "pipe", got = s / "got.pdf";
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  Run r = run_shell("cd " + source_path("") + " && (cat '" + fifo + "' > '" + got + "' &) && " +
                    CLEF_BINARY + " " + report_to(fifo) + " && sleep 0.2");
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(read_text(got) == expected_pdf());
  struct stat st {};
  BOOST_REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  BOOST_TEST(S_ISFIFO(st.st_mode));
}

BOOST_AUTO_TEST_CASE(links_inputs_and_odd_targets_are_refused) {
  Scratch s;
  const std::string victim = s / "victim.txt", link = s / "link.pdf";
  std::ofstream(victim) << "keep me";
  fs::create_symlink(victim, link);
  Run linked = run_clef(report_to(link));
  BOOST_TEST(linked.exit_code == 2);
  BOOST_TEST(linked.err.find("lien symbolique") != std::string::npos, linked.err);
  BOOST_TEST(read_text(victim) == "keep me");
  BOOST_TEST(fs::is_symlink(link));

  fs::create_symlink(s / "nowhere.pdf", s / "dangling.pdf");
  BOOST_TEST(run_clef(report_to(s / "dangling.pdf")).exit_code == 2);
  BOOST_TEST(!fs::exists(s / "nowhere.pdf"));

  // The mission itself, under its name or through a hard link.
  const std::string copy = s / "mission.xml", hard = s / "hard.pdf";
  fs::copy_file(source_path(kMission), copy);
  fs::create_hard_link(copy, hard);
  const std::string before = read_text(copy);
  for (const std::string& target : {copy, hard}) {
    Run r = run_clef("report --as-of 2026-01-01 '" + copy + "' -o '" + target + "'");
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("fichier d'entrée") != std::string::npos, r.err);
  }
  BOOST_TEST(read_text(copy) == before);

  // The volunteer file of a contract is an input too.
  const std::string volunteer = s / "v.xml";
  fs::copy_file(source_path("samples/volunteers/zoe-loeuvre.xml"), volunteer);
  Run contract = run_clef("contract samples/missions/madagascar-artisanat.xml --volunteer '" +
                          volunteer + "' -o '" + volunteer + "' --lang en");
  BOOST_TEST(contract.exit_code == 2);
  BOOST_TEST(contract.err.find("is also an input file") != std::string::npos, contract.err);

  Run empty = run_clef(report_to(""));
  BOOST_TEST(empty.exit_code == 2);
  BOOST_TEST(empty.err.find("nom de fichier vide") != std::string::npos, empty.err);
  Run dir = run_clef(report_to(s.dir.string()));
  BOOST_TEST(dir.exit_code == 2);
  BOOST_TEST(dir.err.find("est un répertoire") != std::string::npos, dir.err);

  if (::geteuid() == 0) {
    const std::string block = s / "disk";
    BOOST_REQUIRE(::mknod(block.c_str(), S_IFBLK | 0600, makedev(7, 200)) == 0);
    Run b = run_clef(report_to(block));
    BOOST_TEST(b.exit_code == 2);
    BOOST_TEST(b.err.find("pas un fichier ordinaire") != std::string::npos, b.err);
  }
}

BOOST_AUTO_TEST_CASE(modes_of_new_and_replaced_files) {
  Scratch s;
  const std::string fresh = s / "new.pdf", kept = s / "kept.pdf";
  BOOST_REQUIRE(run_shell("umask 022 && cd " + source_path("") + " && " + CLEF_BINARY + " " +
                          report_to(fresh))
                    .exit_code == 0);
  BOOST_TEST(mode_of(fresh) == 0644u);
  std::ofstream(kept) << "old";
  fs::permissions(kept, fs::perms::owner_read | fs::perms::owner_write);
  BOOST_REQUIRE(run_clef(report_to(kept)).exit_code == 0);
  BOOST_TEST(read_text(kept) == expected_pdf());
  BOOST_TEST(mode_of(kept) == 0600u);
  BOOST_TEST(names_in(s.dir) == (std::vector<std::string>{"kept.pdf", "new.pdf"}));
}

// The old temporary name was OUT.tmp-PID, opened without O_EXCL: a link
// planted under that name made clef overwrite the file it pointed to. The
// child's pid is known before it execs clef, so the link can be planted.
BOOST_AUTO_TEST_CASE(planted_temporary_link_is_not_followed) {
  Scratch s;
  const std::string victim = s / "victim.txt", out = s / "out.pdf";
  std::ofstream(victim) << "keep me";
  int go[2];
  BOOST_REQUIRE(::pipe(go) == 0);
  pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    char byte;
    ::close(go[1]);
    if (::read(go[0], &byte, 1) != 1) ::_exit(99);
    if (::chdir(CLEF_SOURCE_DIR) != 0) ::_exit(98);
    ::execl(CLEF_BINARY, "clef", "report", "--as-of", "2026-01-01", kMission.c_str(), "-o",
            out.c_str(), static_cast<char*>(nullptr));
    ::_exit(97);
  }
  ::close(go[0]);
  const std::string planted = out + ".tmp-" + std::to_string(child);
  fs::create_symlink(victim, planted);
  BOOST_REQUIRE(::write(go[1], "x", 1) == 1);
  ::close(go[1]);
  int status = 0;
  ::waitpid(child, &status, 0);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  BOOST_TEST(read_text(victim) == "keep me");
  BOOST_TEST(read_text(out) == expected_pdf());
  BOOST_TEST(fs::is_symlink(planted));
}

BOOST_AUTO_TEST_CASE(missing_and_read_only_directories) {
  Scratch s;
  Run missing = run_clef(report_to(s / "no/such/dir/out.pdf"));
  BOOST_TEST(missing.exit_code == 4);
  BOOST_TEST(missing.err.find("n'existe pas") != std::string::npos, missing.err);

  if (::geteuid() != 0) {
    fs::create_directory(s / "ro");
    fs::permissions(s / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    Run r = run_clef(report_to(s / "ro/out.pdf"));
    BOOST_TEST(r.exit_code == 4);
    BOOST_TEST(r.err.find("droits insuffisants") != std::string::npos, r.err);
    BOOST_TEST(fs::is_empty(s / "ro"));
    fs::permissions(s / "ro", fs::perms::owner_all);
    return;
  }
  // Root writes through permission bits: a read-only mount says no.
  Mount ro(s / "ro", "size=1m");
  if (!ro.ok) {
    BOOST_TEST_MESSAGE("skipped: cannot mount a tmpfs here");
    return;
  }
  std::ofstream(s / "ro/out.pdf") << "old";
  ro.remount_read_only();
  BOOST_REQUIRE(ro.ok);
  Run r = run_clef(report_to(s / "ro/out.pdf") + " --lang en");
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find("read-only") != std::string::npos, r.err);
  BOOST_TEST(read_text(s / "ro/out.pdf") == "old");
}

BOOST_AUTO_TEST_CASE(full_file_system_keeps_the_old_document) {
  if (::geteuid() != 0) {
    BOOST_TEST_MESSAGE("skipped: a full file system needs a tmpfs, which needs root");
    return;
  }
  Scratch s;
  // Room for the old document and not for a second copy beside it.
  Mount small(s / "small", "size=" + std::to_string(expected_pdf().size() * 3 / 2));
  if (!small.ok) {
    BOOST_TEST_MESSAGE("skipped: cannot mount a tmpfs here");
    return;
  }
  const std::string out = s / "small/out.pdf";
  std::ofstream(out, std::ios::binary) << std::string(expected_pdf().size(), 'x');
  Run r = run_clef(report_to(out));
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find("disque plein") != std::string::npos, r.err);
  BOOST_TEST(read_text(out) == std::string(expected_pdf().size(), 'x'));
  BOOST_TEST(names_in(s / "small") == std::vector<std::string>{"out.pdf"});
}

// SIGTERM while the temporary file exists: the system call that follows its
// creation is held for seconds (strace's fault injection), the signal is
// sent then, and the file must be gone when clef has died of it.
BOOST_AUTO_TEST_CASE(sigterm_during_the_write_removes_the_temporary_file) {
  if (run_shell("strace -o /dev/null -e trace=none true").exit_code != 0) {
    BOOST_TEST_MESSAGE("skipped: strace cannot trace here");
    return;
  }
  Scratch s;
  const std::string out = s / "out.pdf", pid_file = s / "pid";
  std::string script = "cd " + source_path("") + " && strace -o /dev/null -e trace=fchmod " +
                       "-e inject=fchmod:delay_exit=4000000 sh -c 'echo $$ > " + pid_file +
                       "; exec " + CLEF_BINARY + " " + report_to(out) + "' & tracer=$!; " +
                       // Wait for the temporary file (at most 60 s: the sanitizer build is slow).
                       "for i in $(seq 600); do ls -a " + s.dir.string() +
                       " | grep -q '^\\.out\\.pdf\\.' && break; sleep 0.1; done; " + "ls -a " +
                       s.dir.string() + " | grep -c '^\\.out\\.pdf\\.'; kill -TERM $(cat " +
                       pid_file + "); wait $tracer; true";
  Run r = run_shell(script);
  BOOST_TEST(r.out.starts_with("1"), "the temporary file was never seen: " << r.out << r.err);
  BOOST_TEST(names_in(s.dir) == std::vector<std::string>{"pid"});
}

BOOST_AUTO_TEST_SUITE_END()
