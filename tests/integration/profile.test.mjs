// Profiles over HTTP: each section saved and read back, mistakes explained with the input kept, and the privacy
// of needs (shown to facilitators only when shared, every look in the audit log).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName, root } from "./harness.mjs";

let server;
const ids = {};
before(async () => {
  server = await startServer();
  for (const [key, email] of Object.entries(demo)) ids[key] = server.database.sql(`SELECT id FROM users WHERE email = '${email}'`);
});
after(async () => {
  await server?.stop();
});

test(`${backendName}: a member fills in what they bring and sees it on their account page`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.partner);
  const form = await v.get("/account/strengths");
  assert.equal(form.status, 200);
  const res = await v.post("/account/strengths", {
    strengths: "Bringing <people> together",
    skills: "Chairing meetings\nWriting bids",
    lived_experience: "",
    interests: "Community gardens, CHOIRS, choirs",
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/account");
  const account = await v.get("/account");
  assert.match(account.text, /Your profile has been saved/);
  // Said once: the message is gone when the page is loaded again.
  assert.doesNotMatch((await v.get("/account")).text, /Your profile has been saved/);
  assert.match(account.text, /Bringing &lt;people&gt; together/);
  assert.match(account.text, /Chairing meetings\nWriting bids/);
  assert.match(account.text, /choirs, community gardens/);
  const again = await v.get("/account/strengths");
  assert.match(again.text, /value="choirs, community gardens"/);
});

test(`${backendName}: mistakes are explained and what was typed is kept`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.partner);
  const about = await v.post("/account/about", { name: "", pronouns: "she/her", lang: "en" });
  assert.equal(about.status, 400);
  assert.match(about.text, /Enter your name/);
  assert.match(about.text, /value="she\/her"/);
  const contact = await v.post("/account/contact", { methods: "text", phone: "", notes: "Not on Tuesdays" });
  assert.equal(contact.status, 400);
  assert.match(contact.text, /Enter a phone number, so we can call or text you/);
  assert.match(contact.text, /value="text" checked/);
  assert.match(contact.text, /Not on Tuesdays<\/textarea>/);
  const needs = await v.post("/account/needs", { needs: "other", meeting_support: "A quiet room" });
  assert.equal(needs.status, 400);
  assert.match(needs.text, /Tell us what other needs you have/);
  assert.match(needs.text, /Choose whether facilitators can see what you need/);
  assert.match(needs.text, /A quiet room<\/textarea>/);
  // Nothing was saved.
  assert.doesNotMatch((await v.get("/account")).text, /A quiet room/);
});

test(`${backendName}: choosing Welsh as your language changes the pages at once`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const res = await v.post("/account/about", { name: "Priya Shah", pronouns: "", lang: "cy" });
  assert.equal(res.status, 303);
  const account = await v.get("/account");
  assert.match(account.text, /<html lang="cy"/);
  assert.match(account.text, /Eich cyfrif/);
  await v.post("/account/about", { name: "Priya Shah", pronouns: "", lang: "en" });
});

test(`${backendName}: needs stay private until shared, and every staff look is audited`, async () => {
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  // Gareth (demo) has needs but has not shared them.
  const facilitator = new Visitor(server.url);
  await facilitator.signIn(demo.facilitator);
  const withheld = await facilitator.get(`/o/demo/people/${ids.member}`);
  assert.equal(withheld.status, 200);
  assert.match(withheld.text, /Gareth Jones has not agreed to share what they need/);
  assert.doesNotMatch(withheld.text, /Large print|Step-free/);
  // Gareth agrees.
  const share = await gareth.post("/account/needs", {
    needs: "large_print",
    meeting_support: "Step-free access and a seat near the door.",
    share: "yes",
  });
  assert.equal(share.status, 303);
  const shared = await facilitator.get(`/o/demo/people/${ids.member}`);
  assert.match(shared.text, /Large print/);
  assert.match(shared.text, /Step-free access/);
  // A fellow member never sees needs or phone numbers.
  const carer = new Visitor(server.url);
  await carer.signIn(demo.carer);
  const asMember = await carer.get(`/o/demo/people/${ids.member}`);
  assert.equal(asMember.status, 200);
  assert.doesNotMatch(asMember.text, /Large print|Step-free|has not agreed/);
  const mairAsMember = await gareth.get(`/o/demo/people/${ids.carer}`);
  assert.doesNotMatch(mairAsMember.text, /07700 900123/);
  // The organisation admin sees the look in the audit log, but not the needs.
  const admin = new Visitor(server.url);
  await admin.signIn(demo.orgAdmin);
  await admin.post("/language", { lang: "en", return_to: "/" });
  const audit = await admin.get("/o/demo/audit");
  assert.match(audit.text, /Needs viewed/);
  assert.match(audit.text, /Tom Evans/);
  assert.doesNotMatch(audit.text, /Large print|Step-free/);
  assert.equal(
    server.database.sql(`SELECT count(*) FROM audit_log WHERE action = 'needs_viewed' AND subject_user_id = ${ids.member}`),
    "1",
  );
  // Gareth stops sharing: the facilitator no longer sees them.
  await gareth.post("/account/needs", { needs: "large_print", meeting_support: "", share: "no" });
  assert.match((await facilitator.get(`/o/demo/people/${ids.member}`)).text, /has not agreed/);
});

test(`${backendName}: issue #12 item 22: the notes on a member's page are paragraphs inside their inset`, async () => {
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  await tom.post("/language", { lang: "en", return_to: "/" });
  // Gareth (demo) has not shared what he needs.
  const page = (await tom.get(`/o/demo/people/${ids.member}`)).text;
  assert.match(page, /<div class="govuk-inset-text">\s*<p class="govuk-body">Gareth Jones has not agreed to share what they need with facilitators\.<\/p>\s*<\/div>/);
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  await gareth.post("/account/consent", { contact: "no", public_use: "no" });
  const withdrawn = (await tom.get(`/o/demo/people/${ids.member}`)).text;
  assert.match(withdrawn, /<div class="govuk-inset-text">\s*<p class="govuk-body">Gareth Jones has asked not to be contacted/);
  await gareth.post("/account/consent", { contact: "yes", public_use: "no" });
});

test(`${backendName}: people outside the organisation, or ids that are not people, are not found`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.facilitator);
  for (const path of [`/o/demo/people/${ids.otherOrgAdmin}`, "/o/demo/people/999999", "/o/demo/people/abc", "/o/demo/people/5x"]) {
    assert.equal((await v.get(path)).status, 404, path);
  }
  const other = new Visitor(server.url);
  await other.signIn(demo.otherOrgAdmin);
  assert.equal((await other.get(`/o/demo/people/${ids.member}`)).status, 404);
  const anonymous = new Visitor(server.url);
  assert.equal((await anonymous.get(`/o/demo/people/${ids.member}`)).status, 303);
  for (const path of ["/account/about", "/account/strengths", "/account/needs", "/account/contact"]) {
    assert.equal((await anonymous.get(path)).status, 303, path);
    assert.equal((await anonymous.post(path, {})).status, 401, path);
  }
});

test(`${backendName}: the member directory finds people by strength, interest and type, only in their organisation`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.member);
  const all = await v.get("/o/demo/people");
  assert.equal(all.status, 200);
  // The six demo people, and the three staff who joined lately (the coffee-morning series' new starters).
  const everyone = ["Siân Davies", "Tom Evans", "Priya Shah", "Gareth Jones", "Mair Hughes", "Ngozi Okafor"];
  for (const name of [...everyone, "Aled Hughes", "Bethan Price", "Chloe Evans"]) {
    assert.match(all.text, new RegExp(name));
  }
  assert.doesNotMatch(all.text, /Rhys Owen|Alex Morgan/);
  assert.match(all.text, /9 people/);
  // Mair's strengths are in Welsh; her interests include "garddio".
  const byInterest = await v.get("/o/demo/people?interest=garddio");
  assert.match(byInterest.text, /Mair Hughes/);
  assert.doesNotMatch(byInterest.text, /Gareth Jones/);
  const byWords = await v.get("/o/demo/people?q=awkward");
  assert.match(byWords.text, /1 person/);
  assert.match(byWords.text, /Gareth Jones/);
  const byType = await v.get("/o/demo/people?type=partner_organisation");
  assert.match(byType.text, /Ngozi Okafor/);
  assert.match(byType.text, /1 person/);
  const none = await v.get("/o/demo/people?q=zzzznothing");
  assert.match(none.text, /Nobody matches/);
  // Lived experience and needs are never searchable.
  assert.match((await v.get("/o/demo/people?q=diagnosed")).text, /Nobody matches/);
  // A profile change shows at once.
  const ngozi = new Visitor(server.url);
  await ngozi.signIn(demo.partner);
  await ngozi.post("/account/strengths", { strengths: "Beekeeping", skills: "", lived_experience: "", interests: "bees" });
  assert.match((await v.get("/o/demo/people?q=beekeeping")).text, /Ngozi Okafor/);
  // The other organisation's directory is not there for this member, and its people are not found here.
  assert.equal((await v.get("/o/north/people")).status, 404);
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  assert.doesNotMatch((await rhys.get("/o/north/people?q=beekeeping")).text, /Ngozi/);
  // The public site search never shows members.
  assert.doesNotMatch((await v.get("/search?q=beekeeping")).text, /Ngozi/);
});

test(`${backendName}: consent is recorded with the words agreed to, can be withdrawn, and withdrawing contact hides contact details`, async () => {
  const mair = new Visitor(server.url);
  await mair.signIn(demo.carer);
  await mair.post("/language", { lang: "en", return_to: "/" });
  const page = await mair.get("/account/consent");
  assert.equal(page.status, 200);
  assert.match(page.text, /You have not been asked yet/);
  const missing = await mair.post("/account/consent", { contact: "yes" });
  assert.equal(missing.status, 400);
  assert.match(missing.text, /Choose whether your organisation can use your words and photos in public/);
  assert.match(missing.text, /value="yes" checked/);
  const saved = await mair.post("/account/consent", { contact: "yes", public_use: "no" });
  assert.equal(saved.status, 303);
  const after = await mair.get("/account/consent");
  assert.match(after.text, /Your choices have been saved/);
  assert.match(after.text, /You agreed on/);
  assert.match(after.text, /Being contacted: you agreed \(wording version 1\)/);
  assert.equal(
    server.database.sql(`SELECT count(*) FROM consents WHERE user_id = ${ids.carer} AND wording LIKE 'People who run your groups may contact you%'`),
    "1",
  );
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  assert.match((await tom.get(`/o/demo/people/${ids.carer}`)).text, /07700 900123/);
  await mair.post("/account/consent", { contact: "no", public_use: "no" });
  const hidden = await tom.get(`/o/demo/people/${ids.carer}`);
  assert.doesNotMatch(hidden.text, /07700 900123/);
  assert.match(hidden.text, /Mair Hughes has asked not to be contacted/);
  assert.match((await mair.get("/account/consent")).text, /Being contacted: you said no/);
});

test(`${backendName}: staff see, in the third person, the contact details a member agreed to share, and none once they withdraw`, async () => {
  // Gareth (demo) chose email as his only way to be contacted and has no phone number.
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  await gareth.post("/account/consent", { contact: "yes", public_use: "no" });
  await gareth.post("/account/needs", { needs: "large_print", meeting_support: "", share: "yes" });
  for (const email of [demo.facilitator, demo.orgAdmin]) {
    const staff = new Visitor(server.url);
    await staff.signIn(email);
    await staff.post("/language", { lang: "en", return_to: "/" });
    const page = (await staff.get(`/o/demo/people/${ids.member}`)).text;
    assert.match(page, /How to reach them/, email);
    assert.match(page, /Ways to contact them/, email);
    assert.match(page, /Good times to contact them/, email);
    assert.match(page, /Email address/, email);
    assert.match(page, /Information in a format they can use/, email);
    assert.match(page, /gareth@demo\.example/, email);
    assert.doesNotMatch(page, /contact you|reach you|you can use/, email);
    await staff.post("/language", { lang: "cy", return_to: "/" });
    const welsh = (await staff.get(`/o/demo/people/${ids.member}`)).text;
    assert.match(welsh, /Ffyrdd o gysylltu â nhw/, email);
    assert.match(welsh, /Amseroedd da i gysylltu â nhw/, email);
    assert.match(welsh, /Cyfeiriad e-bost/, email);
    assert.doesNotMatch(welsh, /cysylltu â chi|y gallwch ei ddefnyddio/, email);
    await staff.post("/language", { lang: "en", return_to: "/" });
  }
  // Someone who only chose phone calls does not have their email address shown.
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  assert.doesNotMatch((await tom.get(`/o/demo/people/${ids.carer}`)).text, /mair@demo\.example/);
  // A fellow member sees what they saw before: no contact details at all.
  const mair = new Visitor(server.url);
  await mair.signIn(demo.carer);
  const asMember = (await mair.get(`/o/demo/people/${ids.member}`)).text;
  assert.doesNotMatch(asMember, /gareth@demo\.example|Ways to contact|How to reach/);
  // Gareth withdraws: the details go, and the plain note says why.
  await gareth.post("/account/consent", { contact: "no", public_use: "no" });
  const withdrawn = (await tom.get(`/o/demo/people/${ids.member}`)).text;
  assert.doesNotMatch(withdrawn, /gareth@demo\.example|Ways to contact/);
  assert.match(withdrawn, /Gareth Jones has asked not to be contacted/);
  await gareth.post("/account/consent", { contact: "yes", public_use: "no" });
  await gareth.post("/account/needs", { needs: "large_print", meeting_support: "", share: "no" });
});

test(`${backendName}: an organisation admin changes roles and removes members, but never the last admin`, async () => {
  const sian = new Visitor(server.url);
  await sian.signIn(demo.orgAdmin);
  await sian.post("/language", { lang: "en", return_to: "/" });
  const page = await sian.get(`/o/demo/people/${ids.finance}`);
  assert.match(page.text, /Role and membership/);
  assert.match(page.text, /value="finance" checked/);
  const changed = await sian.post(`/o/demo/people/${ids.finance}/role`, {
    role: "facilitator",
    member_types: ["staff"].join(),
  });
  assert.equal(changed.status, 303);
  const after = await sian.get(changed.headers.get("location"));
  assert.match(after.text, /Their role has been saved/);
  assert.match(after.text, /value="facilitator" checked/);
  assert.match((await sian.get("/o/demo/audit")).text, /Role changed \(Facilitator\)/);
  // The only admin cannot step down or be removed.
  const stepDown = await sian.post(`/o/demo/people/${ids.orgAdmin}/role`, { role: "member" });
  assert.equal(stepDown.status, 400);
  assert.match(stepDown.text, /needs at least one organisation admin/);
  assert.match(stepDown.text, /value="member" checked/);
  const removeSelf = await sian.post(`/o/demo/people/${ids.orgAdmin}/remove`, {});
  assert.equal(removeSelf.status, 400);
  // Removing a member: they lose access, their account stays.
  const ngozi = new Visitor(server.url);
  await ngozi.signIn(demo.partner);
  assert.equal((await ngozi.get("/o/demo")).status, 200);
  const confirm = await sian.get(`/o/demo/people/${ids.partner}/remove`);
  assert.match(confirm.text, /Remove Ngozi Okafor from Demo County Carers Partnership\?/);
  const removed = await sian.post(`/o/demo/people/${ids.partner}/remove`, {});
  assert.equal(removed.status, 303);
  assert.match((await sian.get(removed.headers.get("location"))).text, /Ngozi Okafor has been removed/);
  assert.equal((await ngozi.get("/o/demo")).status, 404);
  assert.equal((await ngozi.get("/account")).status, 200);
  assert.doesNotMatch((await sian.get("/o/demo/people")).text, /Ngozi Okafor/);
  assert.equal((await sian.get(`/o/demo/people/${ids.partner}`)).status, 404);
  // A facilitator cannot do any of this.
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  assert.doesNotMatch((await tom.get(`/o/demo/people/${ids.member}`)).text, /Role and membership/);
  assert.equal((await tom.post(`/o/demo/people/${ids.member}/role`, { role: "org_admin" })).status, 404);
});

test(`${backendName}: a photo is added without its location, seen by people in the same organisation only, and removed`, async () => {
  const photo = readFileSync(join(root, "tests/integration/fixtures/about_me/photo-with-location.jpg"));
  const priya = new Visitor(server.url);
  await priya.signIn(demo.finance);
  const form = await priya.get("/account/photo");
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  const none = await priya.postMultipart("/account/photo", {});
  assert.equal(none.status, 400);
  assert.match(none.text, /Choose a photo to upload/);
  const wrong = await priya.postMultipart("/account/photo", {}, { photo: { filename: "me.jpg", type: "image/jpeg", data: "GIF87a? no, a text file" } });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /JPEG, PNG, GIF or WebP/);
  const saved = await priya.postMultipart("/account/photo", {}, { photo: { filename: "me.jpg", type: "image/jpeg", data: photo } });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get("location"), "/account");
  const account = await priya.get("/account");
  assert.match(account.text, /Your photo has been saved/);
  const url = account.text.match(/class="rt-profile-photo[^"]*" src="(\/files\/[^"]+)" alt="Your photo"/)[1];
  const own = await priya.request("GET", url);
  assert.equal(own.status, 200);
  assert.ok(!own.text.includes("GPS") && !own.text.includes("Exif"), "no location in the photo");

  // Tom shares "demo" with Priya: he sees the photo on her member page; Rhys (another organisation) does not.
  const tom = new Visitor(server.url);
  await tom.signIn(demo.facilitator);
  const member = await tom.get(`/o/demo/people/${ids.finance}`);
  assert.match(member.text, new RegExp(`src="${url}" alt="Photo of Priya Shah"`));
  assert.equal((await tom.request("GET", url)).status, 200);
  const rhys = new Visitor(server.url);
  await rhys.signIn(demo.otherOrgAdmin);
  assert.equal((await rhys.request("GET", url)).status, 404);
  assert.equal((await new Visitor(server.url).request("GET", url)).status, 404);

  // A new photo replaces the old one, whose file goes.
  const before = server.database.sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${ids.finance} AND purpose = 'profile_photo'`);
  assert.equal(before, "1");
  await priya.get("/account/photo");
  assert.equal((await priya.postMultipart("/account/photo", {}, { photo: { filename: "again.jpg", type: "image/jpeg", data: photo } })).status, 303);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${ids.finance} AND purpose = 'profile_photo'`), "1");
  assert.equal((await priya.request("GET", url)).status, 404, "the old photo is gone");

  await priya.get("/account/photo");
  const removed = await priya.post("/account/photo/remove", {});
  assert.equal(removed.status, 303);
  assert.match((await priya.get("/account/photo")).text, /Your photo has been removed/);
  assert.equal(server.database.sql(`SELECT COUNT(*) FROM uploads WHERE owner_user_id = ${ids.finance}`), "0");
  assert.doesNotMatch((await tom.get(`/o/demo/people/${ids.finance}`)).text, /rt-profile-photo/);
});
