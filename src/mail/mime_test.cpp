#include "mail/mime.hpp"

#include <gtest/gtest.h>

#include "mail/reply_text.hpp"

namespace roundtable::mail {
namespace {

std::string crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The shape Gmail sends: multipart/alternative, both parts quoted-printable, "On ... wrote:" wrapped over two lines,
// the original quoted with ">" and in a gmail_quote blockquote.
const std::string kGmail = crlf(R"(Delivered-To: reply+1.2.3.0123@reply.example.org
MIME-Version: 1.0
From: =?UTF-8?Q?Mair_Hughes?= <Mair@Demo.Example>
Date: Sat, 5 Dec 2026 09:12:44 +0000
Message-ID: <CAF=abc123@mail.gmail.com>
Subject: Re: =?UTF-8?B?Q3lmYXJmb2Q6IHRyYWZuaWRhZXRo?=
 =?UTF-8?Q?_yn_y_gr=C5=B5p?=
To: Roundtable <reply+1.2.3.0123@reply.example.org>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

--000000000000a1b2c3
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

I agree with Gareth =E2=80=94 evenings work best for me, and the caf=C3=A9 =
is step-free.

On Sat, 5 Dec 2026 at 09:00, Roundtable <roundtable@demo.example>
wrote:

> Hello Mair,
>
> Gareth replied to "Meeting times".

--000000000000a1b2c3
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">I agree with Gareth =E2=80=94 evenings work best</div><br>=
<div class=3D"gmail_quote"><blockquote>Hello Mair</blockquote></div>

--000000000000a1b2c3--
)");

// Outlook: HTML and plain text, the original after a rule and a From/Sent block, Windows-1252.
const std::string kOutlook = crlf(R"(From: Mair Hughes <mair@demo.example>
To: "reply+1.2.3.0123@reply.example.org" <reply+1.2.3.0123@reply.example.org>
Subject: RE: Meeting times
Message-ID: <DB9PR01MB1234@DB9PR01MB1234.eurprd01.prod.outlook.com>
Content-Type: multipart/alternative;
	boundary="_000_DB9PR01MB1234_"
MIME-Version: 1.0

--_000_DB9PR01MB1234_
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

Thursday evenings suit me =96 could we try the library?

Mair

________________________________
From: Roundtable <roundtable@demo.example>
Sent: 05 December 2026 09:00
To: Mair Hughes <mair@demo.example>
Subject: Meeting times

Hello Mair,

--_000_DB9PR01MB1234_
Content-Type: text/html; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Thursday evenings</p></body></html>

--_000_DB9PR01MB1234_--
)");

// Apple Mail: multipart/mixed holding an alternative and an attachment, format=flowed, a "-- " signature and a
// closing "Sent from my iPhone" before the quoted original.
const std::string kAppleMail = crlf(R"(From: Mair Hughes <mair@demo.example>
Content-Type: multipart/mixed; boundary="Apple-Mail=_1F2E"
Mime-Version: 1.0 (1.0)
Subject: Re: Meeting times
Message-Id: <5A1B2C3D-0000@demo.example>
To: reply+1.2.3.0123@reply.example.org

--Apple-Mail=_1F2E
Content-Type: multipart/alternative; boundary="Apple-Mail=_9A8B"

--Apple-Mail=_9A8B
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii; format=flowed; delsp=yes

I can bring the minutes from last time, and I'll ask  
about the hearing loop.

Sent from my iPhone

> On 5 Dec 2026, at 09:00, Roundtable <roundtable@demo.example> wrote:
>
> Hello Mair,

--Apple-Mail=_9A8B
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset=us-ascii

<html><body>I can bring the minutes</body></html>
--Apple-Mail=_9A8B--

--Apple-Mail=_1F2E
Content-Disposition: attachment; filename=minutes.txt
Content-Type: text/plain; name="minutes.txt"
Content-Transfer-Encoding: base64

U0VDUkVUIEFUVEFDSE1FTlQ=
--Apple-Mail=_1F2E--
)");

TEST(Mime, ReadsGmailsShape) {
  const auto m = mime::parse(kGmail);
  EXPECT_EQ(m.problem, mime::Problem::none);
  EXPECT_EQ(m.from, "mair@demo.example");
  EXPECT_EQ(m.message_id, "CAF=abc123@mail.gmail.com");
  EXPECT_EQ(m.subject, "Re: Cyfarfod: trafnidaeth yn y grŵp");
  EXPECT_FALSE(m.from_html);
  EXPECT_EQ(trim_reply(m.text), "I agree with Gareth — evenings work best for me, and the café is step-free.");
}

TEST(Mime, ReadsOutlooksShape) {
  const auto m = mime::parse(kOutlook);
  EXPECT_EQ(m.problem, mime::Problem::none);
  EXPECT_EQ(m.from, "mair@demo.example");
  EXPECT_EQ(trim_reply(m.text), "Thursday evenings suit me – could we try the library?\n\nMair");
}

TEST(Mime, ReadsAppleMailsShapeAndLeavesAttachmentsOut) {
  const auto m = mime::parse(kAppleMail);
  EXPECT_EQ(m.problem, mime::Problem::none);
  EXPECT_EQ(m.message_id, "5A1B2C3D-0000@demo.example");
  EXPECT_EQ(m.text.find("SECRET"), std::string::npos);
  EXPECT_EQ(trim_reply(m.text), "I can bring the minutes from last time, and I'll ask about the hearing loop.");
}

TEST(Mime, HtmlOnlyBecomesPlainText) {
  const auto m = mime::parse(crlf(R"(From: a@b.example
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

PHA+WWVzLCAmYW1wOyB0aGFua3MhPC9wPjxwPlNlY29uZCZuYnNwO3BhcmEgJmx0O2hpJmd0OyAmIzgyMTE7IGVuZDxi
cj5uZXh0IGxpbmU8L3A+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjxzdHlsZT5we2NvbG9yOnJlZH08L3N0eWxlPg==
)"));
  EXPECT_EQ(m.problem, mime::Problem::none);
  EXPECT_TRUE(m.from_html);
  EXPECT_EQ(m.text, "Yes, & thanks!\n\nSecond para <hi> – end\nnext line");
}

TEST(Mime, HtmlBlockquotesAreQuotedAndTrimmed) {
  const auto text = html_to_text(
      "<div>My answer<br>goes here</div><div class=\"gmail_quote\"><div>On Sat, Tom wrote:</div>"
      "<blockquote><p>Hello</p><p>Second</p></blockquote></div>");
  EXPECT_EQ(text, "My answer\ngoes here\nOn Sat, Tom wrote:\n\n> Hello\n\n> Second");
  EXPECT_EQ(trim_reply(text), "My answer\ngoes here");
  EXPECT_EQ(html_to_text("<p>a <b>bold</b> <a href=\"x\">link</a></p><!-- c --><ul><li>one<li>two</ul>"),
            "a bold link\n\n- one\n- two");
}

TEST(Mime, Iso88591IsConvertedAndOtherCharsetsRefused) {
  const auto latin = mime::parse("Content-Type: text/plain; charset=ISO-8859-1\n\ncaf\xE9\n");
  EXPECT_EQ(latin.text, "café\n");
  const auto koi = mime::parse("Content-Type: text/plain; charset=koi8-r\n\n\xC1\xC2\n");
  EXPECT_EQ(koi.problem, mime::Problem::charset);
  EXPECT_EQ(koi.detail, "koi8-r");
  EXPECT_EQ(mime::parse("Content-Type: multipart/mixed\n\nno boundary").problem, mime::Problem::malformed);
  EXPECT_EQ(mime::parse("Content-Type: image/png\n\n\x89PNG").problem, mime::Problem::no_text);
  // A message without a Content-Type is US-ASCII text; invalid UTF-8 is replaced, never passed on.
  EXPECT_EQ(mime::parse("Subject: x\n\nhello \xFF\n").text, "hello \xEF\xBF\xBD\n");
}

TEST(Mime, HeadersUnfoldAndEncodedWordsDecode) {
  const auto headers = mime::parse_headers("Subject: one\r\n two\r\n\tthree\r\nX: y\r\nnot a header\r\n");
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0].value, "one two\tthree");
  EXPECT_EQ(mime::decode_words("=?utf-8?q?caf=C3=A9?= =?UTF-8?B?IOKAlCBvaw==?= plain"), "café — ok plain");
  EXPECT_EQ(mime::decode_words("=?iso-8859-1?q?Si=E2n?="), "Siân");
  EXPECT_EQ(mime::decode_words("=?x-unknown?q?abc?= and =?broken"), "=?x-unknown?q?abc?= and =?broken");
  EXPECT_EQ(mime::first_address("\"Hughes, Mair <x>\" <Mair@Demo.Example>"), "mair@demo.example");
  EXPECT_EQ(mime::first_address("mair@demo.example (Mair)"), "mair@demo.example");
  EXPECT_EQ(mime::first_address("undisclosed-recipients:;"), "");
  EXPECT_EQ(mime::first_address("Mair <Mair>"), "") << "no address without an @";
  EXPECT_EQ(mime::decode_quoted_printable("a=3Db=\r\nc=\nd="), "a=bcd");
  EXPECT_EQ(mime::decode_base64("aGVs\r\nbG8="), "hello");
}

TEST(ReplyText, TrimsQuotesAndSignatures) {
  EXPECT_EQ(trim_reply("Yes please.\n\n-- \nMair Hughes\nCarer"), "Yes please.");
  EXPECT_EQ(trim_reply("Fine by me\n\n-----Original Message-----\nFrom: x"), "Fine by me");
  EXPECT_EQ(trim_reply("Answer one\n> quoted\nAnswer two"), "Answer one\nAnswer two");
  EXPECT_EQ(trim_reply("Iawn\n\nAr Sad, 5 Rhag 2026 am 09:00, Roundtable <r@x> ysgrifennodd:\n> Helo"), "Iawn");
  EXPECT_EQ(trim_reply("From: the heart\nI think so"), "From: the heart\nI think so");
  EXPECT_EQ(trim_reply("On Tuesday I can come.\n\nThanks"), "On Tuesday I can come.\n\nThanks");
  EXPECT_EQ(trim_reply("\n\n> all quoted\n\nSent from my iPhone\n"), "");
}

}  // namespace
}  // namespace roundtable::mail
