/// Pure media handling for uploads: what a file is (from its bytes), image headers, safe image re-encoding
/// (libgd) and removal of audio/video metadata that can hold location or personal details.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace roundtable::media {

enum class Kind { image, audio, video, document };

/// What a file is, judged from its first bytes only (never the name or the browser's Content-Type).
struct Sniffed {
  std::string_view mime;  // e.g. "image/jpeg"
  Kind kind;
  std::string_view extension;  // e.g. "jpg", without dot
};

/// Allowed types only: JPEG, PNG, GIF, WebP (image); MP3 (ID3 tag or MPEG audio frame sync), M4A (ftyp M4A /M4B),
/// OGG (OggS -> audio/ogg), WAV (RIFF....WAVE), FLAC, WebM whose tracks are all audio (audio/webm: what browsers record
/// from a microphone) (audio); MP4 / MOV (ftyp isom, iso2, mp41, mp42, avc1, qt, M4V ...) and any other WebM (EBML
/// header whose DocType is "webm") (video). Anything else (HTML, SVG, PDF, executables, text,
/// empty input) -> nullopt.
std::optional<Sniffed> sniff(std::string_view bytes);

/// Width and height read from the image header alone (JPEG SOFn marker, PNG IHDR, GIF logical screen, WebP
/// VP8/VP8L/VP8X), without decoding; nullopt when the header is missing or broken.
std::optional<std::pair<int, int>> image_size(std::string_view bytes);

/// The EXIF Orientation tag (1..8) of a JPEG's APP1 Exif segment; 1 when absent or unreadable. Safe on any input
/// (bounds-checked TIFF parsing, both byte orders).
int exif_orientation(std::string_view bytes);

struct ImageLimits {
  int max_side_in = 12000;  // refuse before decoding (decompression bombs)
  long long max_pixels_in = 40'000'000;
  int max_side_out = 2000;  // scaled down so the longer side is at most this
};

struct Image {
  std::string bytes;
  std::string mime;  // "image/jpeg" or "image/png"
  int width = 0;
  int height = 0;
};

enum class ImageError { not_an_image, too_large, broken };

/// Decodes JPEG/PNG/GIF/WebP with libgd, turns the picture the right way up according to exif_orientation (all 8
/// values), scales it down to ImageLimits::max_side_out keeping the aspect ratio (resampled), and encodes it again:
/// JPEG (quality 85) for JPEG and WebP input (transparent WebP pixels are flattened onto white), PNG for PNG and GIF
/// input (keeping transparency; a GIF's first frame only). The output is freshly encoded pixels, so none of the
/// original metadata (EXIF incl. GPS location, XMP, IPTC, comments, ICC) survives. Checks image_size against the
/// limits before decoding.
std::variant<Image, ImageError> reencode_image(std::string_view bytes, const ImageLimits& limits = {});

/// What strip() did with a recording or video.
enum class Strip {
  done,          // every kind of metadata it knows was removed (or there was none)
  broken,        // the file's structure does not parse: refuse it as damaged
  cannot_clean,  // it parses, but holds metadata that cannot be removed safely: refuse it and say so
  locked,        // a document protected by a password (or, for PDF, any encryption): it cannot be read or cleaned
};

/// Audio/video are stored as sent except for metadata that can hold location or personal details (names, places,
/// dates, pictures, the software used):
/// - MP4/MOV/M4A: every 'udta' and 'meta' box (and XMP 'uuid' box) at the top level or inside 'moov' (and inside
///   each 'trak') is renamed to 'free' in place (same size, so offsets stay valid and players skip it). Handles
///   64-bit box sizes (size==1) and size==0 (to the end of the enclosing box or file).
/// - MP3: a leading ID3v2 tag (syncsafe size, optional footer) is removed, and a trailing 128-byte ID3v1 "TAG"
///   block.
/// - WAV: only the 'fmt ', 'fact' and 'data' chunks are kept (LIST/INFO, id3, bext, iXML, XMP and every other chunk
///   go), the RIFF size is set again, and anything after the RIFF chunk goes. A data chunk whose size runs past the
///   end (a recording never finished) keeps the rest of the file. Without 'fmt ' and 'data' it is broken.
/// - FLAC: only STREAMINFO and SEEKTABLE blocks are kept (VORBIS_COMMENT, PICTURE, APPLICATION, CUESHEET and PADDING
///   go; seek points count from the first frame, so they stay right); the frames are kept byte for byte.
/// - OGG: Vorbis and Opus streams keep their comment header with only the vendor string (no comments, no picture);
///   the header pages are laid out again with the Ogg CRC, and the stream's later pages are renumbered. Other codecs,
///   or headers that share a page with audio, cannot be cleaned. Pages with a wrong CRC are broken.
/// - WebM: Tags, Attachments and Chapters are overwritten by an EBML Void element of the same size, the Title,
///   MuxingApp, WritingApp and file name strings of Info and each track's Name are zeroed and its DateUTC voided (with
///   the CRC-32 of an element changed this way), so no offset moves. Unknown-size Clusters (live recordings) are
///   walked; any other element of unknown size cannot be cleaned.
/// Other types (documents: strip_document) are left as they are. bytes are changed only when the result is done.
Strip strip(Sniffed type, std::string& bytes);
/// strip(type, bytes) == Strip::done.
bool strip_metadata(Sniffed type, std::string& bytes);

// --- Documents (documents.cpp: libzip and libqpdf)
// ---------------------------------------------------------------------

/// A document, judged from its content (never its name): PDF ("%PDF-" at the start) -> application/pdf; Word (a zip
/// archive whose [Content_Types].xml names the WordprocessingML main document part, and which has no macros) -> .docx;
/// OpenDocument text (a zip archive whose "mimetype" entry reads application/vnd.oasis.opendocument.text and that has
/// content.xml) -> .odt. Everything else, including Word with macros (.docm), legacy Word (.doc), other zip files and
/// password-protected archives -> nullopt. Kind::document. Separate from sniff() so that the pure parsers stay free of
/// libzip (and fuzzable on their own).
std::optional<Sniffed> sniff_document(std::string_view bytes);
/// The type of a stored document from its MIME type (its extension for a file name); nullopt for other types.
std::optional<Sniffed> document_type(std::string_view mime);

/// Why something that sniff_document refused is not a document we take, when a person could fix it.
enum class DocumentIssue {
  old_office,  // an OLE2 compound file: legacy Word (.doc) or another old Office file
  macros,      // Word with macros (.docm, or a vbaProject part)
  locked,      // protected with a password
};
std::optional<DocumentIssue> document_issue(std::string_view bytes);

/// Removes the personal properties a document carries, writing the file again:
/// - PDF (libqpdf): the trailer's Info dictionary (Author, Creator, Producer, Title, Subject, Keywords, dates), every
///   /Metadata (XMP) stream of the catalogue, pages and images, /PieceInfo, and the scripts run on opening (the
///   catalogue's /AA and JavaScript name tree). Objects nothing refers to any more are not written. Encrypted files
///   (even with an empty password) -> locked; a file without pages or that does not parse -> broken.
/// - Word: docProps/core.xml (creator, last modified by, dates, revision, title, subject, keywords), docProps/app.xml
///   (company, manager, template, application, editing time) and docProps/custom.xml (custom properties) are replaced
///   by empty ones; the archive's and entries' comments go. Every other part is copied unchanged.
/// - OpenDocument text: meta.xml is replaced by an empty one (the same for comments).
/// Not removed: what is written in the document itself, tracked changes and comments with their authors' names,
/// and names inside pictures placed in the document. bytes are changed only when the result is done.
Strip strip_document(Sniffed type, std::string& bytes);

}  // namespace roundtable::media
