#include "deflate.h"

#include <libdeflate.h>

#include <string>

#include "canvas.h"  // Error

namespace clef::pdf {

void set_deflated(PoDoFo::PdfObject& object, std::string_view data) {
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor compressor;
  thread_local std::string packed;
  if (!compressor.c) throw Error("PDF: cannot allocate a compressor");
  packed.resize(libdeflate_zlib_compress_bound(compressor.c, data.size()));
  size_t size = libdeflate_zlib_compress(compressor.c, data.data(), data.size(), packed.data(),
                                         packed.size());
  if (size == 0) throw Error("PDF: cannot compress a stream");
  // Raw data: PoDoFo stores it as given, under the filter we name.
  PoDoFo::PdfMemoryInputStream input(packed.data(), static_cast<PoDoFo::pdf_long>(size));
  object.GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(size));
  object.GetDictionary().AddKey("Filter", PoDoFo::PdfName("FlateDecode"));
}

}  // namespace clef::pdf
