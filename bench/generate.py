#!/usr/bin/env python3
"""Fills a Roundtable database with a benchmark dataset.

    bench/generate.py --database sqlite:/tmp/bench/roundtable.db [--posts 200000] [--projects 20000] [--seed 1]
    bench/generate.py --database postgresql://roundtable@127.0.0.1:5432/roundtable

It first runs `roundtable migrate` (--binary, default build-release/roundtable) so the
schema is the server's own, then writes what the schema has today:

- search_documents (+ the external-content FTS5 table search_fts on SQLite): one document
  per post (kind 'post') and per project (kind 'project'), English and some Welsh, most
  public (org_id NULL) and some private to an organisation (org_id set);
- members / projects / posts, when a later migration has created those tables: the rows
  are written from the same generated entities, filling the columns whose names the
  generator knows (see ENTITY_TABLES). A table with a required column the generator does
  not know is skipped with a warning: teach COLUMN_ALIASES about it.

The text is drawn from Zipf-distributed vocabularies, so a few words are in most
documents and most words are rare, as in real writing. --stats PATH writes a JSON file
with the document count and suggested search words (a moderately rare one and a common
one) with their document frequencies; bench/run.sh uses it.

Python 3 standard library only. SQLite through the sqlite3 module; PostgreSQL through
`psql` (COPY ... FROM STDIN in one transaction).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import itertools
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------
# Vocabularies, most frequent first. Sampled with Zipf weights 1/rank^s.

EN_FUNCTION = """
the and of to a in we for is that with our it on be this are was they at you have as
from will by not their all about can or people more who what how us has an were but so
had there when which them would also been if one do some into out up after new other
than just like over its only time these first any two very much most well each where
those could then should may many before through because both while every our own such
here being same still even again few between during under without around within
""".split()

EN_CONTENT = """
support care service services community group meeting members carers health council
team staff work project local families help feedback views experience young older
families plan together change session would time day week month year next share
information volunteers needs access working making learning local listen idea ideas
charity health social home family children parents life time questions online
workshop survey report training funding partners partnership decision decisions
lived voice voices equal co-production coproduced coproduce priority priorities
advice contact welcome event events place places centre hub library school transport
housing money cost costs mental wellbeing disability disabilities learning autism
dementia hospital doctor nurse appointment appointments waiting list letter letters
phone email website form forms easy read language languages english welsh british
sign interpreter accessible accessibility ramp lift toilet parking bus train taxi
café coffee lunch tea morning afternoon evening weekend monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august
september october november december spring summer autumn winter story stories film
photos audio video recording notes minutes agenda steering board panel grant grants
fund application applications scoring score budget spend spending pounds income
benefit benefits advice debt energy food bank pantry garden gardening walking walk
sport football swimming music choir singing art arts craft crafts reading writing
poetry theatre drama museum heritage history archive memory memories celebration
festival volunteer volunteering befriending friendship friends loneliness isolation
connection connections belonging trust respect kindness honesty dignity fairness
inclusion inclusive diversity equality rights voice listening understanding
evaluation evidence outcomes impact measure measures results findings insight
insights journey journeys mapping map prototype prototypes testing tested test
pilot design designing designed redesign improve improvement improvements quality
safety safeguarding risk risks policy policies strategy strategic commission
commissioning commissioners procurement contract contracts tender provider
providers organisation organisations sector voluntary statutory authority
authorities government minister ministers assembly senedd parliament election vote
residents tenants neighbours street streets estate village town city county
region rural urban coast valley valleys mountain river beach park parks path paths
bridge road roads pavement crossing lights bench benches shelter seating signage
signs maps leaflet leaflets poster posters newsletter newsletters magazine radio
podcast social media facebook twitter whatsapp zoom teams call calls text texts
message messages reply replies answer answers thanks thank grateful pleased happy
worried concerned frustrated confused tired angry hopeful proud excited nervous
welcome welcoming friendly patient kind helpful difficult hard easier simpler
clear clearer plain simple complex complicated jargon acronyms words pictures
symbols colours font large print braille screen reader keyboard captions subtitles
transcript transcripts quiet room rooms space spaces hall venue venues kitchen
garden allotment allotments playground nursery pupils students teachers college
university apprentices apprenticeship jobs employment employer employers skills
confidence independence choice control planning person centred personal budget
direct payments assessment assessments review reviews eligibility criteria
continuing healthcare discharge ward wards clinic clinics surgery pharmacy
prescription prescriptions medication therapy therapist physiotherapy occupational
speech language dietitian diet nutrition exercise fitness mobility wheelchair
wheelchairs scooter hoist equipment adaptations aids sensory hearing sight visual
impairment deaf blind stroke diabetes cancer arthritis asthma epilepsy parkinsons
multiple sclerosis diagnosis diagnosed newly condition conditions symptoms pain
fatigue sleep anxiety depression stress crisis recovery peer peers mentor mentors
mentoring coaching counselling listening helpline carer unpaid respite break
breaks holiday holidays trip trips outing outings minibus lift lifts rota
schedule calendar timetable deadline deadlines progress update updates milestone
milestones launch launched opening opened closing closed finished completed
ongoing paused cancelled postponed rescheduled agreed approved rejected accepted
proposal proposals suggestion suggestions recommendation recommendations
consultation consultations engagement involvement participation participants
representatives representative chair secretary treasurer trustees trustee
committee committees forum forums network networks alliance coalition
collaborative cooperative social enterprise foundation trust lottery sponsorship
donation donations fundraising raffle auction sponsored bake sale
hydrotherapy makaton signposting dysphagia reablement telecare occupational
dementia-friendly sensory-friendly wayfinding tactile hearing-loop pictograms
sociocracy citizens jury deliberation appreciative inquiry storytelling
photovoice walkabout audit audits snagging retrofitting ventilation damp mould
insulation heating boiler repairs repair landlord landlords eviction homelessness
hostel refuge asylum refugees migrants resettlement interpreters translation
translated bilingual multilingual polish arabic urdu punjabi bengali somali
romanian portuguese gaelic cornish gypsy traveller travellers roma veterans
ex-offenders probation prison prisoners youth offending justice police
ambulance paramedics firefighters coastguard lifeboat flood flooding storm
drought heatwave climate recycling compost composting biodiversity hedgerow
wildflowers pollinators beekeeping orchard woodland footpath cycleway towpath
canal harbour pier lighthouse quarry colliery slate tinplate steelworks
""".split()

CY_FUNCTION = """
y yr a ac i o yn ar am mae ein eu gyda wedi bod fel ond hefyd ni nhw chi hwn hon
hynny pan os neu dros rhwng ar ôl cyn bob pob mwy iawn sut beth pwy lle roedd
bydd byddwn gallu gan i'r o'r yn y ar y
""".split()

CY_CONTENT = """
gofal cymorth gwasanaeth gwasanaethau cymuned grŵp cyfarfod aelodau gofalwyr iechyd
cyngor tîm staff gwaith prosiect lleol teuluoedd help adborth barn profiad pobl
ifanc hŷn teulu plant rhieni bywyd amser cwestiynau ar-lein gweithdy arolwg
adroddiad hyfforddiant cyllid partneriaid penderfyniad llais lleisiau cyfartal
cydgynhyrchu blaenoriaeth cyngor cyswllt croeso digwyddiad lle canolfan llyfrgell
ysgol trafnidiaeth tai arian cost iechyd meddwl lles anabledd anableddau dysgu
awtistiaeth dementia ysbyty meddyg nyrs apwyntiad rhestr aros llythyr ffôn
ebost gwefan ffurflen hawdd ei ddarllen iaith cymraeg saesneg hygyrch toiled
parcio bws trên coffi cinio te bore prynhawn noswaith penwythnos stori straeon
ffilm lluniau sain fideo cofnodion agenda bwrdd panel grant grantiau cais
ceisiadau cyllideb bwyd gardd cerdded chwaraeon cerddoriaeth côr canu celf
darllen ysgrifennu barddoniaeth theatr amgueddfa treftadaeth hanes atgofion
dathlu gŵyl gwirfoddolwyr gwirfoddoli cyfeillgarwch ffrindiau unigrwydd
ymddiriedaeth parch caredigrwydd cynhwysiant amrywiaeth cydraddoldeb hawliau
gwerthuso tystiolaeth canlyniadau effaith taith mapio profi peilot dylunio
gwella gwelliant ansawdd diogelwch polisi strategaeth comisiynu sefydliad
sefydliadau trydydd sector awdurdod llywodraeth senedd etholiad trigolion
tenantiaid cymdogion stryd pentref tref dinas sir ardal gwledig arfordir cwm
cymoedd mynydd afon traeth parc llwybr pont ffordd arwyddion taflen poster
cylchlythyr radio neges diolch hapus pryderus blinedig balch gobeithiol clir
syml cymhleth geiriau symbolau print bras ystafell neuadd cegin rhandir
disgyblion myfyrwyr athrawon coleg prifysgol swyddi cyflogaeth sgiliau hyder
annibyniaeth dewis rheolaeth asesiad adolygiad ward clinig meddygfa fferyllfa
meddyginiaeth therapi ymarfer cadair olwyn offer clyw golwg byddar dall strôc
diabetes canser arthritis epilepsi diagnosis cyflwr poen blinder cwsg pryder
iselder straen argyfwng adferiad cyfoedion mentor cwnsela llinell gymorth
seibiant gwyliau trip cynnydd diweddariad lansio agor cau cytuno cymeradwyo
cynnig awgrym argymhellion ymgynghoriad ymgysylltu cyfranogiad cynrychiolwyr
cadeirydd ysgrifennydd trysorydd ymddiriedolwyr pwyllgor fforwm rhwydwaith
cydweithredol menter gymdeithasol elusen loteri codi arian ocsiwn cacennau
llifogydd storm hinsawdd ailgylchu compost bioamrywiaeth gwrych blodau gwyllt
gwenyn perllan coetir camlas harbwr goleudy chwarel glofa llechi
""".split()

# Place names built the way Welsh ones are (Llan + fair ...), and personal names: the long,
# rare tail that real text has.
PLACE_HEADS = """Aber Llan Pen Pont Tre Cwm Bryn Caer Nant Rhos Maes Glyn Coed Dol Pentre Llys Hafod
Bettws Cefn Ystrad""".split()
PLACE_TAILS = """fair gwyn ddu wen fawr fach goch tawe ogwen dovey rhyd nant hir newydd gelli garth
elli ithon mawddach teifi cynon rhondda gwili taf wysg dyfi beris issa ucha cennen ffrwd brith
dulas pistyll clwyd maelor gwili""".split()
TOWNS = """Cardiff Swansea Newport Wrexham Bangor Aberystwyth Carmarthen Caernarfon Llandudno Rhyl
Bridgend Merthyr Pontypridd Barry Caerphilly Neath Llanelli Haverfordwest Brecon Newtown
Welshpool Dolgellau Porthmadog Holyhead Llangefni Machynlleth Cardigan Tenby Monmouth
Abergavenny Chepstow Ebbw Tredegar Blaenavon Bristol Chester Shrewsbury Hereford Gloucester
Birmingham Manchester Liverpool Leeds Sheffield Nottingham Leicester Coventry Norwich Exeter
Plymouth Truro Bath Oxford Cambridge Brighton Southampton Portsmouth Reading Newcastle
Sunderland Durham York Hull Lincoln Derby Stoke Preston Blackpool Carlisle Kendal""".split()
FIRST_NAMES = """Sian Rhys Gareth Carys Dafydd Eleri Owain Ffion Aled Megan Huw Nia Iwan Catrin
Gethin Elin Dylan Lowri Emyr Bethan Sarah James Emma David Laura Michael Rachel Daniel Claire
Paul Helen Mark Ruth Peter Anne John Mary Tom Amy Ben Lucy Sam Kate Joe Grace Adam Chloe
Mohammed Aisha Omar Fatima Priya Ravi Anil Sunita Kwame Ama Chen Mei Piotr Agnieszka Caroline
Bronwen Glenys Idris Myfanwy Tegwen Wyn Alun Delyth Geraint Hywel Llinos Meinir Rhiannon""".split()
SURNAMES = """Jones Williams Davies Evans Thomas Roberts Lewis Hughes Morgan Griffiths Edwards
Owen Price Jenkins Rees Lloyd Phillips Parry Powell Pritchard Vaughan Howells Bowen Prosser
Smith Brown Taylor Wilson Johnson Walker Wright Robinson Thompson White Green Hall Wood Clarke
Patel Khan Ahmed Singh Ali Begum Nowak Kowalski Okafor Mensah Nguyen Wang Murphy Kelly Byrne""".split()


def _zipf_cum_weights(n: int, s: float, q: float, total: float) -> list[float]:
    """Zipf-Mandelbrot: the word of rank r has weight 1 / (r + q)^s; q flattens the head."""
    h = sum(1.0 / ((r + q) ** s) for r in range(1, n + 1))
    acc, out = 0.0, []
    for r in range(1, n + 1):
        acc += total * (1.0 / ((r + q) ** s)) / h
        out.append(acc)
    return out


class Sampler:
    """Draws words from a mix of ranked vocabularies, each part with its share of all tokens."""

    def __init__(self, parts: list[tuple[list[str], float, float, float]]):
        # parts: (words, share of all tokens, Zipf exponent s, Mandelbrot offset q)
        self.words: list[str] = []
        self.cum: list[float] = []
        base = 0.0
        for words, share, s, q in parts:
            self.words.extend(words)
            self.cum.extend(base + c for c in _zipf_cum_weights(len(words), s, q, share))
            base = self.cum[-1]
        self.total = base

    def draw(self, rng: random.Random, k: int) -> list[str]:
        words, cum, total, hi = self.words, self.cum, self.total, len(self.cum) - 1
        rnd, bis = rng.random, bisect.bisect
        return [words[bis(cum, rnd() * total, 0, hi)] for _ in range(k)]


def _dedupe(words: list[str]) -> list[str]:
    seen, out = set(), []
    for w in words:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def fts_normal(word: str) -> str:
    """What FTS5's unicode61 (remove_diacritics 2) and to_tsvector('simple') make of a plain word."""
    d = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in d if not unicodedata.combining(c))


class TextMaker:
    def __init__(self) -> None:
        places = [h + t for h in PLACE_HEADS for t in PLACE_TAILS]
        names = _dedupe(TOWNS + FIRST_NAMES + SURNAMES)
        self.en_content = _dedupe(EN_CONTENT)
        self.cy_content = _dedupe(CY_CONTENT)
        self.places = places
        # Body text: function words about 45 % of tokens, content words 52 %, names and places 3.5 %.
        # With these weights the commonest content word is in about 80 % of documents, the
        # 100th in about 6 % and the last few content words and most places in under 1 %.
        self.en = Sampler([(_dedupe(EN_FUNCTION), 0.45, 1.0, 0), (self.en_content, 0.52, 1.1, 3),
                           (names, 0.02, 1.0, 5), (places, 0.015, 1.1, 10)])
        self.cy = Sampler([(_dedupe(CY_FUNCTION), 0.45, 1.0, 0), (self.cy_content, 0.52, 1.1, 3),
                           (names, 0.02, 1.0, 5), (places, 0.015, 1.1, 10)])
        # Titles: mostly content words.
        self.en_title = Sampler([(self.en_content, 0.85, 1.0, 5), (names, 0.10, 1.0, 5), (places, 0.05, 1.1, 10)])
        self.cy_title = Sampler([(self.cy_content, 0.85, 1.0, 5), (names, 0.10, 1.0, 5), (places, 0.05, 1.1, 10)])
        self.all_words = set(self.en.words) | set(self.cy.words)

    @staticmethod
    def _sentences(rng: random.Random, tokens: list[str]) -> str:
        out, i, n = [], 0, len(tokens)
        while i < n:
            length = rng.randint(6, 20)
            s = " ".join(tokens[i:i + length])
            out.append(s[0].upper() + s[1:] + ".")
            i += length
        return " ".join(out)

    def body(self, rng: random.Random, lang: str, words: int) -> tuple[str, list[str]]:
        tokens = (self.cy if lang == "cy" else self.en).draw(rng, words)
        return self._sentences(rng, tokens), tokens

    def title(self, rng: random.Random, lang: str, words: int) -> tuple[str, list[str]]:
        tokens = (self.cy_title if lang == "cy" else self.en_title).draw(rng, words)
        t = " ".join(tokens)
        return t[0].upper() + t[1:], tokens


# --------------------------------------------------------------------------------------
# Entities. Each is a dict of attribute -> value; the writers pick the attributes a table has.

NOW = 1_735_689_600  # 2025-01-01T00:00:00Z, fixed so a seed always gives the same data
SPAN = 3 * 365 * 86400


def make_members(rng: random.Random, n: int, orgs: int):
    for i in range(1, n + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        created = NOW - SPAN + (i * SPAN) // max(n, 1) - rng.randint(0, 3600)
        yield {
            "id": i, "name": f"{first} {last}", "display_name": f"{first} {last}",
            "email": f"{first.lower()}.{last.lower()}.{i}@example.org",
            "lang": "cy" if rng.random() < 0.12 else "en",
            "org_id": rng.randint(1, orgs) if rng.random() < 0.3 else None,
            "created_at": created, "updated_at": created,
        }


def make_projects(rng: random.Random, text: TextMaker, n: int, members: int, orgs: int, welsh: float,
                  private: float):
    for i in range(1, n + 1):
        lang = "cy" if rng.random() < welsh else "en"
        title, ttoks = text.title(rng, lang, rng.randint(2, 6))
        if rng.random() < 0.4:
            title += (" yn " if lang == "cy" else " in ") + rng.choice(TOWNS + text.places)
        words = max(40, min(400, int(rng.gauss(140, 50))))
        body, btoks = text.body(rng, lang, words)
        created = NOW - SPAN + (i * SPAN) // max(n, 1) - rng.randint(0, 86400)
        updated = min(NOW, created + rng.randint(0, 90 * 86400))
        yield {
            "id": i, "kind": "project", "ref": str(i), "url": f"/projects/{i}",
            "org_id": rng.randint(1, orgs) if rng.random() < private else None,
            "owner_id": rng.randint(1, members), "member_id": None,
            "lang": lang, "title": title, "name": title, "summary": body[:200], "description": body,
            "body": body, "created_at": created, "updated_at": updated, "tokens": ttoks + btoks,
        }


def make_posts(rng: random.Random, text: TextMaker, n: int, projects: int, members: int, orgs: int,
               welsh: float, private: float):
    for i in range(1, n + 1):
        lang = "cy" if rng.random() < welsh else "en"
        title, ttoks = text.title(rng, lang, rng.randint(4, 10))
        words = max(12, min(250, int(rng.gauss(70, 30))))
        body, btoks = text.body(rng, lang, words)
        created = NOW - SPAN + (i * SPAN) // max(n, 1) - rng.randint(0, 600)
        yield {
            "id": i, "kind": "post", "ref": str(i), "url": f"/posts/{i}",
            "org_id": rng.randint(1, orgs) if rng.random() < private else None,
            "project_id": rng.randint(1, projects) if projects and rng.random() < 0.6 else None,
            "author_id": rng.randint(1, members), "lang": lang, "title": title, "body": body,
            "created_at": created, "updated_at": created, "tokens": ttoks + btoks,
        }


# Table -> entity kind, for tables that later issues add. Columns are filled by name from the
# entity's attributes; COLUMN_ALIASES maps other spellings to an attribute.
ENTITY_TABLES = {"member": "members", "project": "projects", "post": "posts"}
COLUMN_ALIASES = {
    "user_id": "author_id", "created_by": "author_id", "owner_member_id": "owner_id",
    "author_member_id": "author_id", "content": "body", "text": "body",
    "created": "created_at", "updated": "updated_at", "slug": "ref",
}

SEARCH_COLUMNS = ["id", "org_id", "kind", "ref", "lang", "title", "body", "url", "updated_at"]


# --------------------------------------------------------------------------------------
# Backends.

class Column:
    def __init__(self, name: str, required: bool):
        self.name, self.required = name, required


class SqliteBackend:
    def __init__(self, path: str):
        self.path = path
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA synchronous=OFF")       # a bulk load: durability is not the point
        self.con.execute("PRAGMA cache_size=-262144")    # 256 MB
        self.con.execute("PRAGMA temp_store=MEMORY")
        self.rebuild = False

    def tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}

    def columns(self, table: str) -> list[Column]:
        cols = []
        for _cid, name, _type, notnull, default, pk, hidden in self.con.execute(f"PRAGMA table_xinfo({table})"):
            if hidden:
                continue  # generated or virtual-table hidden columns
            cols.append(Column(name, bool(notnull) and default is None and not pk))
        return cols

    def scalar(self, sql: str):
        return self.con.execute(sql).fetchone()[0]

    def begin(self) -> None:
        self.con.execute("BEGIN")

    def delete_generated(self) -> None:
        deleted = self.con.execute("DELETE FROM search_documents WHERE kind IN ('post', 'project')").rowcount
        # Their search_fts entries are dropped by a 'rebuild' at the end (an external-content
        # index can only forget a row when told its old text).
        self.rebuild = deleted > 0

    def delete_ids(self, table: str, n: int) -> None:
        self.con.execute(f"DELETE FROM {table} WHERE id BETWEEN 1 AND {int(n)}")

    def write(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        marks = ", ".join("?" * len(columns))
        self.con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        if table == "search_documents" and not self.rebuild:
            # As SqliteSearch::upsert does: the FTS5 row has the document's id as rowid.
            i_id, i_title, i_body = columns.index("id"), columns.index("title"), columns.index("body")
            self.con.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)",
                                 ((r[i_id], r[i_title], r[i_body]) for r in rows))

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def finish(self, optimize: bool) -> None:
        t = time.monotonic()
        if self.rebuild:
            self.con.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            log(f"search_fts rebuilt from search_documents in {time.monotonic() - t:.1f} s")
        if optimize:
            # Merge the index into one segment: the best case for queries. A long-running
            # server's index is in a few segments (FTS5 automerge), a little slower to query.
            t = time.monotonic()
            self.con.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            log(f"search_fts optimized in {time.monotonic() - t:.1f} s")
        self.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.con.close()


def _copy_text(v) -> str:
    if v is None:
        return "\\N"
    s = str(v)
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


class PostgresBackend:
    """Everything goes through one psql session: COPY blocks inside one transaction."""

    def __init__(self, url: str, psql: str):
        self.url, self.psql_bin = url, psql
        self.proc: subprocess.Popen | None = None
        self.written: set[str] = set()

    def _query(self, sql: str) -> list[list[str]]:
        out = subprocess.run([self.psql_bin, self.url, "-X", "-q", "-t", "-A", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                              "-c", sql], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def tables(self) -> set[str]:
        return {r[0] for r in self._query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def columns(self, table: str) -> list[Column]:
        rows = self._query(
            "SELECT column_name, is_nullable, coalesce(column_default, ''), is_generated, is_identity "
            f"FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' "
            "ORDER BY ordinal_position")
        cols = []
        for name, nullable, default, generated, identity in rows:
            if generated == "ALWAYS":
                continue  # e.g. search_documents.tsv
            cols.append(Column(name, nullable == "NO" and not default and identity != "YES"))
        return cols

    def scalar(self, sql: str):
        rows = self._query(sql)
        v = rows[0][0] if rows else None
        return int(v) if v not in (None, "") else None

    def _send(self, text: str) -> None:
        assert self.proc and self.proc.stdin
        self.proc.stdin.write(text.encode("utf-8"))

    def begin(self) -> None:
        self.proc = subprocess.Popen([self.psql_bin, self.url, "-X", "-q", "-v", "ON_ERROR_STOP=1"],
                                     stdin=subprocess.PIPE)
        self._send("SET synchronous_commit = off;\nSET maintenance_work_mem = '256MB';\nBEGIN;\n")

    def delete_generated(self) -> None:
        self._send("DELETE FROM search_documents WHERE kind IN ('post', 'project');\n")

    def delete_ids(self, table: str, n: int) -> None:
        self._send(f"DELETE FROM {table} WHERE id BETWEEN 1 AND {int(n)};\n")

    def write(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        self.written.add(table)
        buf = [f"COPY {table} ({', '.join(columns)}) FROM STDIN;\n"]
        for r in rows:
            buf.append("\t".join(_copy_text(v) for v in r))
            buf.append("\n")
        buf.append("\\.\n")
        self._send("".join(buf))

    def commit(self) -> None:
        self._send("COMMIT;\n")

    def finish(self, optimize: bool) -> None:
        # Keep the id sequences ahead of the explicit ids, and give the planner statistics. Never move a sequence
        # back (ids are never given out twice, ADR 0017): the larger of its last value and the highest id.
        for table in sorted(self.written | {"search_documents"}):
            seq = f"pg_get_serial_sequence('{table}', 'id')"
            self._send(f"SELECT setval({seq}, greatest((SELECT coalesce(max(id), 1) FROM {table}), "
                       f"coalesce(pg_sequence_last_value({seq}::regclass), 1))) WHERE {seq} IS NOT NULL \\g /dev/null\n")
            self._send(f"ANALYZE {table};\n")
        assert self.proc and self.proc.stdin
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise SystemExit("generate.py: psql failed (see above)")


# --------------------------------------------------------------------------------------

def log(msg: str) -> None:
    print(f"generate: {msg}", file=sys.stderr, flush=True)


def run_migrate(binary: Path, database: str) -> None:
    if not binary.exists():
        raise SystemExit(f"generate.py: {binary} does not exist: build it (BUILD_TYPE=release scripts/build) "
                         "or pass --binary")
    cmd = [str(binary), "migrate", "--database", database]
    if database.startswith("sqlite:"):
        cmd += ["--data-dir", str(Path(sqlite_path(database)).parent)]
    log(" ".join(cmd))
    subprocess.run(cmd, check=True, stdout=sys.stderr)


def sqlite_path(database: str) -> str:
    p = database[len("sqlite:"):]
    return p[2:] if p.startswith("//") else p


class TablePlan:
    """How one entity kind maps onto an existing table, or why it does not."""

    def __init__(self, table: str, columns: list[str], attrs: list[str]):
        self.table, self.columns, self.attrs = table, columns, attrs

    def rows(self, entities: list[dict]) -> list[tuple]:
        return [tuple(e.get(a) for a in self.attrs) for e in entities]


def plan_entity_table(backend, kind: str, existing: set[str], sample: dict) -> TablePlan | None:
    table = ENTITY_TABLES[kind]
    if table not in existing:
        return None
    cols, attrs, missing = [], [], []
    for c in backend.columns(table):
        attr = c.name if c.name in sample else COLUMN_ALIASES.get(c.name)
        if attr in sample and attr != "tokens":
            cols.append(c.name)
            attrs.append(attr)
        elif c.required:
            missing.append(c.name)
    if missing:
        log(f"WARNING: table {table} exists but needs {', '.join(missing)}, which the generator does not know; "
            f"skipped (teach COLUMN_ALIASES / make_{table} in bench/generate.py)")
        return None
    log(f"table {table} exists: writing columns {', '.join(cols)}")
    return TablePlan(table, cols, attrs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database", required=True, help="sqlite:PATH or postgresql://user@host:port/db")
    ap.add_argument("--posts", type=int, default=200_000)
    ap.add_argument("--projects", type=int, default=20_000)
    ap.add_argument("--members", type=int, default=100_000,
                    help="authors that posts refer to; written only once a members table exists")
    ap.add_argument("--orgs", type=int, default=500, help="organisations that private documents belong to")
    ap.add_argument("--private", type=float, default=0.3, help="share of documents private to an org")
    ap.add_argument("--welsh", type=float, default=0.12, help="share of documents in Welsh")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", type=Path, default=REPO / "build-release" / "roundtable")
    ap.add_argument("--no-migrate", action="store_true", help="the schema is already there")
    ap.add_argument("--replace", action="store_true",
                    help="delete earlier generated data first: search documents of kind post/project, and "
                         "ids 1..N of the members/projects/posts tables it writes")
    ap.add_argument("--no-optimize", action="store_true",
                    help="SQLite: leave search_fts in several segments instead of merging it into one")
    ap.add_argument("--batch", type=int, default=20_000, help="rows per executemany / COPY block")
    ap.add_argument("--rare-fraction", type=float, default=0.005,
                    help="the suggested 'rare' search word is in about this share of public documents")
    ap.add_argument("--stats", type=Path, help="write dataset statistics and suggested search words (JSON)")
    ap.add_argument("--psql", default="psql")
    args = ap.parse_args()

    db = args.database
    if db.startswith("sqlite:"):
        if not sqlite_path(db):
            raise SystemExit("generate.py: sqlite: needs a path")
        Path(sqlite_path(db)).parent.mkdir(parents=True, exist_ok=True)
    elif not (db.startswith("postgresql://") or db.startswith("postgres://")):
        raise SystemExit("generate.py: --database wants sqlite:PATH or postgresql://...")

    started = time.monotonic()
    if not args.no_migrate:
        run_migrate(args.binary, db)
    backend = SqliteBackend(sqlite_path(db)) if db.startswith("sqlite:") else PostgresBackend(db, args.psql)
    existing = backend.tables()
    if "search_documents" not in existing:
        raise SystemExit("generate.py: no search_documents table: run `roundtable migrate` first")
    already = backend.scalar("SELECT count(*) FROM search_documents WHERE kind IN ('post', 'project')")
    if already and not args.replace:
        raise SystemExit(f"generate.py: the database already has {already} generated documents; "
                         "use --replace or a fresh database")
    # Documents get explicit ids after any that are there (demo data), so search refs are stable.
    keep = " WHERE kind NOT IN ('post', 'project')" if args.replace else ""
    next_id = (backend.scalar(f"SELECT coalesce(max(id), 0) FROM search_documents{keep}") or 0) + 1

    rng = random.Random(args.seed)
    text = TextMaker()
    df_public: collections.Counter[str] = collections.Counter()
    df_all: collections.Counter[str] = collections.Counter()
    counts = collections.Counter()

    backend.begin()
    members = max(1, args.members)
    if args.replace:
        # Entity tables first, children before parents, then the search documents.
        for kind, n in (("post", args.posts), ("project", args.projects), ("member", members)):
            if ENTITY_TABLES[kind] in existing:
                backend.delete_ids(ENTITY_TABLES[kind], n)
        backend.delete_generated()
    sources = [
        ("member", make_members(rng, members, args.orgs)),
        ("project", make_projects(rng, text, args.projects, members, args.orgs, args.welsh, args.private)),
        ("post", make_posts(rng, text, args.posts, max(args.projects, 0), members, args.orgs, args.welsh,
                            args.private)),
    ]
    for kind, gen in sources:
        plan: TablePlan | None = None
        planned = False
        while True:
            batch = list(itertools.islice(gen, args.batch))
            if not batch:
                break
            if not planned:
                plan = plan_entity_table(backend, kind, existing, batch[0])
                planned = True
            if plan:
                backend.write(plan.table, plan.columns, plan.rows(batch))
            if kind == "member":
                if not plan:
                    break  # nothing to write members to yet; posts just refer to ids 1..N
                continue
            docs = []
            for e in batch:
                doc_id = next_id
                next_id += 1
                docs.append((doc_id, e["org_id"], kind, e["ref"], e["lang"], e["title"], e["body"], e["url"],
                             e["updated_at"]))
                words = set(e["tokens"])
                df_all.update(words)
                if e["org_id"] is None:
                    df_public.update(words)
                    counts["public"] += 1
                counts[kind] += 1
                counts[e["lang"]] += 1
            backend.write("search_documents", SEARCH_COLUMNS, docs)
            log(f"{kind}s: {counts[kind]:,} ({time.monotonic() - started:.1f} s)")
    backend.commit()
    backend.finish(optimize=not args.no_optimize)

    total = counts["post"] + counts["project"]
    elapsed = time.monotonic() - started
    log(f"done: {total:,} documents ({counts['post']:,} posts, {counts['project']:,} projects; "
        f"{counts['public']:,} public, {counts['cy']:,} in Welsh) in {elapsed:.1f} s")

    # Suggested search words. The server runs a prefix search ("word*"), so only words that
    # begin no other word in the vocabularies are candidates: their prefix matches are exactly
    # their own documents. Frequencies are per FTS-normalised form (lower case, no accents).
    normal = {w: fts_normal(w) for w in text.all_words}
    owners = collections.Counter(normal.values())
    norms = sorted(owners)

    def prefix_free(n: str) -> bool:
        i = bisect.bisect_right(norms, n)
        return not (i < len(norms) and norms[i].startswith(n))

    def df(counter: collections.Counter, n: str) -> int:
        return sum(counter[w] for w, x in normal.items() if x == n)

    pool = [normal[w] for w in text.en_content + text.places]
    candidates = sorted({n for n in pool if n.isascii() and n.isalpha() and len(n) >= 5 and owners[n] == 1
                         and prefix_free(n)})
    pub = {n: df(df_public, n) for n in candidates}
    public = max(counts["public"], 1)
    rare = min(candidates, key=lambda n: (abs(pub[n] - args.rare_fraction * public), n))
    common = max(candidates, key=lambda n: (pub[n], n))
    stats = {
        "database": db if db.startswith("sqlite:") else "postgresql",
        "seed": args.seed,
        "documents": total, "posts": counts["post"], "projects": counts["project"],
        "public_documents": counts["public"], "welsh_documents": counts["cy"],
        "seconds": round(elapsed, 1),
        "queries": {
            "rare": {"word": rare, "public_docs": pub[rare], "all_docs": df(df_all, rare)},
            "common": {"word": common, "public_docs": pub[common], "all_docs": df(df_all, common)},
        },
    }
    log(f"suggested searches: rare '{rare}' ({pub[rare]:,} public documents), "
        f"common '{common}' ({pub[common]:,} public documents)")
    if args.stats:
        args.stats.write_text(json.dumps(stats, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
