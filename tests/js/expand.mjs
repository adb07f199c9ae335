// Expand every event of an .ics file with Mozilla's ical.js (the engine of Thunderbird's calendar)
// and print the occurrences whose day lies in [FIRST, LAST] as JSON, one object each, sorted:
//   node expand.mjs FILE.ics FIRST LAST    (days as YYYY-MM-DD)
// {"uid", "day" (the local day), "start" (YYYY-MM-DD, or the UTC instant of a timed event), "summary"}
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [file, first, last] = process.argv.slice(2);
if (!file || !first || !last) {
  console.error("usage: node expand.mjs FILE.ics FIRST LAST");
  process.exit(2);
}
const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
for (const tz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(tz);
}
const pad = (n, w = 2) => String(n).padStart(w, "0");
const dayOf = (t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
const startOf = (t) => (t.isDate ? dayOf(t) : t.toJSDate().toISOString().replace(".000Z", "Z"));
const MAX_OCCURRENCES = 100000; // a rule without an end is cut here rather than looping for ever

// Each override goes with the series of its own UID, as Thunderbird relates them (ical.js alone would
// relate every RECURRENCE-ID component of the file to every series).
const overrides = new Map();
const series = [];
for (const vevent of root.getAllSubcomponents("vevent")) {
  const uid = vevent.getFirstPropertyValue("uid");
  if (vevent.hasProperty("recurrence-id")) {
    if (!overrides.has(uid)) overrides.set(uid, []);
    overrides.get(uid).push(vevent);
  } else series.push([uid, vevent]);
}
const masters = new Map();
for (const [uid, vevent] of series) {
  masters.set(uid, new ICAL.Event(vevent, { strictExceptions: true, exceptions: overrides.get(uid) || [] }));
}

const out = [];
const keep = (uid, time, summary) => {
  const day = dayOf(time);
  if (day >= first && day <= last) out.push({ uid, day, start: startOf(time), summary });
};
for (const [uid, event] of masters) {
  if (!event.isRecurring()) {
    keep(uid, event.startDate, event.summary);
    continue;
  }
  const it = event.iterator();
  let n = 0;
  for (let next = it.next(); next && n < MAX_OCCURRENCES; next = it.next(), n++) {
    if (dayOf(next) > last) break;
    const details = event.getOccurrenceDetails(next);
    keep(uid, details.startDate, details.item.summary);
  }
}
out.sort((a, b) => (a.uid + a.start < b.uid + b.start ? -1 : a.uid + a.start > b.uid + b.start ? 1 : 0));
process.stdout.write(JSON.stringify(out) + "\n");
