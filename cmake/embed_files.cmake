# Writes text files into a C++ source so the binary carries them (catalogues, migrations).
# -DOUT=file.cpp -DIN_DIR=dir -DEXT=.catalog -DFUNC=embedded_catalogs -DNS=roundtable::core
file(GLOB files ${IN_DIR}/*${EXT})
list(SORT files)
set(body "// Generated from ${EXT} files by cmake/embed_files.cmake — do not edit.\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace ${NS} {\nstd::vector<std::pair<std::string_view, std::string_view>> ${FUNC}() {\n  return {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  # Only the extension at the end goes: "0002_search.sqlite.sql" is "0002_search.sqlite" (replacing every ".sql"
  # made it "0002_searchite", which the migrator then took for a file for both databases).
  string(LENGTH "${name}" name_length)
  string(LENGTH "${EXT}" ext_length)
  math(EXPR stem_length "${name_length} - ${ext_length}")
  string(SUBSTRING "${name}" 0 ${stem_length} name)
  file(READ ${f} content)
  string(APPEND body "    {\"${name}\", R\"RT_EMBED(${content})RT_EMBED\"},\n")
endforeach()
string(APPEND body "  };\n}\n}  // namespace ${NS}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
