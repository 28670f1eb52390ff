# Writes text files into a C++ source so the binary carries them (catalogues, migrations).
# -DOUT=file.cpp -DIN_DIR=dir -DEXT=.catalog -DFUNC=embedded_catalogs -DNS=roundtable::core
file(GLOB files ${IN_DIR}/*${EXT})
list(SORT files)
set(body "// Generated from ${EXT} files by cmake/embed_files.cmake — do not edit.\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace ${NS} {\nstd::vector<std::pair<std::string_view, std::string_view>> ${FUNC}() {\n  return {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  string(REPLACE "${EXT}" "" name "${name}")
  file(READ ${f} content)
  string(APPEND body "    {\"${name}\", R\"RT_EMBED(${content})RT_EMBED\"},\n")
endforeach()
string(APPEND body "  };\n}\n}  // namespace ${NS}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
