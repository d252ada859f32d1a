// Demo articles, newest first (part one of three). All stories, companies and people are invented.
// The flagship's long discussion lives in flagship-comments.ts.
import type { DemoArticle } from "./index";

export const articlesPartOne: DemoArticle[] = [
  {
    slug: "printer-firmware-cartridges-expire-on-your-birthday",
    title: "Printer Maker's Latest Firmware Update Teaches Ink Cartridges to Expire on Your Birthday",
    dept: "ink-is-the-new-oil",
    author: "mthistlewood",
    tags: ["drm", "right-to-repair", "antitrust"],
    hoursAgo: 5,
    body: `If you own a Plenitek InkStream printer and it politely wished you a happy birthday this week, I have bad news about what it did next. Firmware version 4.12, pushed silently to every networked InkStream over the weekend, introduced what the release notes call "cartridge lifecycle alignment." In practice, owners are finding that cartridges installed more than a year ago now refuse to print, with the cutoff calculated from (and this is not a joke I am making, it is a joke Plenitek made) the birthday the owner typed in when registering the printer.

The company's support page, which has been edited three times since Saturday, currently explains the change like this:

> To ensure optimal print quality, InkStream devices now recognize when a cartridge has reached the end of its celebrated service period. Customers will receive a friendly reminder on their special day.

A friendly reminder. Several readers sent us photos of it: a cartoon balloon, the words "Time for a fresh start!", and a button that opens the Plenitek store. Nowhere does it mention that the cartridge still has ink in it. One owner [posted a teardown](https://example.com/inkstream-teardown) of an "expired" black cartridge that was, by weight, about sixty percent full.

It's worth being precise about what the update checks. According to a firmware dump circulated by independent repair technicians, the printer reads an install timestamp from the cartridge chip and compares it with a value the firmware labels \`owner_dob_anniversary\`. If the cartridge predates the owner's most recent birthday, the printer sets a flag and stops. No ink sensor is involved. No print-quality measurement is involved. A calendar is involved.

Plenitek has history here, which is the only reason anyone was watching its update server at all:

- Third-party cartridges started throwing "cartridge not recognized" errors a few years ago, after an update described as "security improvements."
- The company settled the resulting class action without admitting anything and promised owners a way to opt out of future updates.
- The opt-out toggle then moved three menus deep, and began resetting itself to "on" after every power cut.

Asked how a birthday-based expiry improves print quality, a Plenitek spokesperson told us the company "does not comment on product roadmaps," which is a novel way to describe something that has already shipped. Consumer groups in at least two states say they are looking at whether the update breaks the settlement, and a repair-advocacy group has [published instructions](https://example.org/inkstream-rollback) for blocking the update server at the router.

The lesson is the one printer owners keep relearning one firmware push at a time: if the device in your house answers to someone else's server, you own the plastic and they own the rules. Ink was never the product. The product is permission to use it, and this week the permission came with a party hat.`,
    comments: [
      {
        key: "p1",
        author: "packetlosspete",
        subject: "Happy birthday, here's a brick",
        body: "Wait until they find out about leap years. Anyone born on February 29th gets to keep their ink for four years.",
        minutes: 22,
        funny: 4,
      },
      {
        key: "p2",
        parent: "p1",
        author: "thatonesysadmin",
        body: "> Anyone born on February 29th\n\nHaving looked at that firmware dump, I would not bet on it handling that case gracefully. I would bet on it bricking the printer every day in March.",
        minutes: 48,
        funny: 2,
      },
      {
        key: "p3",
        anonEmail: "inkless@example.net",
        subject: "Blocked the update server years ago",
        body: "My InkStream hasn't phoned home in years and it prints fine. The trick is that you have to decide you own the thing *before* the update, not after.",
        minutes: 130,
        insightful: 2,
      },
    ],
  },
  {
    slug: "copyright-bot-takes-down-birdsong-recording",
    title: "Copyright Bot Takes Down Birdsong Recording Because a Wren Supposedly Infringes a Pop Song",
    dept: "the-wren-did-not-sign-a-label-deal",
    author: "tquell",
    tags: ["copyright", "dmca", "content-moderation", "algorithms"],
    hoursAgo: 51,
    revisedHoursAfter: 20,
    body: `Odile Bramwell has spent eleven years recording dawn choruses in the marshes outside her town, and until last Tuesday the most adversarial thing that had ever happened to one of her recordings was a heron landing on the microphone. Then StreamHaus, the video platform where she posts them, informed her that her 47-minute recording *Reedbed, First Light, April* contained copyrighted material owned by Gleam Records: specifically, the single "Summer Feathers (Radio Edit)."

The matched portion runs from 31:04 to 31:11. It is a wren. It is, as far as anyone can tell, a completely ordinary wren, doing what wrens do at 5:40 in the morning, which is yelling.

Here is the notice she received, in full:

> Your video has been found to contain content owned or administered by Gleam Records. As a result, monetization has been disabled and the video has been blocked in all territories. If you believe this claim is incorrect, you may file a dispute. Repeated claims may result in restrictions on your account.

She filed a dispute. According to the timestamps in her dashboard, it was reviewed and rejected eleven seconds later. The rejection cited a \`match_confidence\` of \`0.97\`, which is the kind of precision you get when you are very sure about the wrong thing.

How does a pop song come to own a wren? The usual way. "Summer Feathers" opens with a birdsong sample, and Gleam registered the whole track, sample and all, as a reference file with StreamHaus's matching system, ClaimSure. ClaimSure doesn't know what a bird is. It knows that seven seconds of Bramwell's waveform look a lot like seven seconds of the reference, and that the reference has an owner. The owner's name is on file. The bird's is not. [Bramwell's own write-up](https://example.com/reedbed-first-light-claim) includes the two spectrograms side by side, and honestly, the wrens do look related.

Three things are worth separating, because they get mashed together in every one of these fights:

1. Nobody owns a wren's song. Animals don't hold copyrights, and sounds that occur in nature are nobody's creative expression.
2. Gleam may well own the copyright in its *recording* of a bird, but that covers its fixation of the sound, not every other recording of every other bird.
3. ClaimSure is not the law. It is a private system StreamHaus runs under its own contracts, and nothing obliges it to get either of the above right.

That last point is why "just file a dispute" rings hollow. The dispute goes to the claimant (or, increasingly, to the claimant's automated review service), and after a rejection the next step is an appeal that, if it fails, lets the claimant turn the claim into a formal takedown notice. A formal takedown is a strike. Three strikes and the channel is gone. Bramwell, who has never sampled anything in her life, was one bad afternoon away from losing a decade of marsh recordings to a bird that lives in her marsh.

After we asked StreamHaus about the claim, the video came back with a note saying the claim had been "released by the claimant." Gleam did not answer our questions, though someone at the label's general inbox told Bramwell that it "takes the protection of its artists' work seriously." It is unclear which artist they meant. The wren has not commented.

**Update:** A StreamHaus representative says the company is "reviewing how nature recordings interact with reference files." Bramwell says she'll believe it when the heron gets a royalty check.`,
    comments: [],
  },
  {
    slug: "city-bans-e-scooter-trip-data-sharing",
    title: "City Bans E-Scooter Companies From Sharing Trip Data, Including With the City",
    dept: "scooting-around-the-problem",
    author: "pmarsh",
    tags: ["privacy", "transportation", "surveillance"],
    hoursAgo: 84,
    body: `For three years, the city of Port Halloway required every e-scooter operator with a permit to hand its transportation department a live feed of every trip: start point, end point, route and timestamp, at one-second resolution. The stated goal was planning bike lanes. Privacy advocates warned that a record of where people go, to the second, does not stay anonymous just because somebody deleted the name column. The city assured everyone that it did.

Last month a graduate student demonstrated otherwise, using the city's own "de-identified" open-data release to reconstruct the weekday commute of a sitting councilmember: home, a coffee shop, City Hall and, on Thursdays, a pickleball court he had told constituents he was "far too busy" to visit. [The write-up](https://example.org/port-halloway-reidentification) is careful, polite and devastating.

The council's response was swift, and it went somewhere nobody expected. Rather than narrowing the data requirement, it passed an ordinance banning scooter operators from sharing trip-level data with *anyone*, explicitly including the city. From the ordinance's findings:

> The Council finds that the City cannot be trusted with this information, further finds that neither can anyone else, and directs all parties to stop collecting it where practicable.

That is a remarkable sentence for a legislature to write about itself, and in fairness it is the most honest thing in the whole saga. But the ordinance only bans *sharing*. It says nothing about operators collecting the data, keeping it indefinitely, or handing it over in response to a subpoena, which (as the councilmember whose pickleball schedule started all this should appreciate) is how most location data actually leaves a company.

The transportation department, meanwhile, says it can no longer plan anything. Its director told a committee hearing that staff would "go back to counting scooters by hand, from a folding chair." This sounds like a joke, but the department's revised budget request does contain a line item for folding chairs.

There is a perfectly workable middle ground, and other cities have [written it down](https://example.com/aggregate-mobility-data-guide):

- counts aggregated by block and by hour, never individual routes;
- short retention, with deletion that someone actually audits;
- an independent check on what the operators themselves keep.

Port Halloway could have done that three years ago. Instead it built a surveillance feed, got burned by it, and responded by cutting off the one party that has to answer public-records requests, while leaving the companies free to keep everything. The scooters will go on recording every trip. They just won't tell the city.`,
    comments: [
      {
        key: "s1",
        author: "mapmaker_mo",
        subject: "Aggregates are fine for planning",
        body: "I do transit planning for a living. We have never needed second-by-second traces to site a bike lane. Hourly counts per block get you 95% of the way there. The other 5% is where the privacy problems live.",
        minutes: 35,
        insightful: 6,
      },
      {
        key: "s2",
        parent: "s1",
        author: "reasonable_doubt",
        body: "> The other 5% is where the privacy problems live.\n\nIt's also where the subpoenas live, and the ordinance does nothing about those.",
        minutes: 80,
        insightful: 3,
      },
      {
        key: "s3",
        parent: "s2",
        author: "mapmaker_mo",
        body: "Agreed. Retention limits are the only thing that actually helps there. Data you deleted can't be subpoenaed.",
        minutes: 112,
      },
      {
        key: "s4",
        author: "ohm_my_god",
        subject: "Folding chairs",
        body: "I would like to formally apply for the folding chair position. I have extensive experience sitting, and some experience counting.",
        minutes: 200,
        funny: 5,
      },
      {
        key: "s5",
        anonName: "Pickleball Enjoyer",
        anonEmail: "dink@example.net",
        subject: "Leave the councilmember alone",
        body: "He said he was too busy. Pickleball is a *very* busy sport.",
        minutes: 340,
        funny: 3,
      },
    ],
  },
  {
    slug: "broadband-map-gigabit-fiber-reservoir",
    title: "State Broadband Map Shows Gigabit Fiber Available at the Bottom of a Reservoir",
    dept: "fiber-to-the-fish",
    author: "mthistlewood",
    tags: ["broadband-maps", "telecom", "public-records"],
    hoursAgo: 146,
    body: `The state's new broadband availability map, unveiled with a ribbon-cutting and a press release calling it "the most accurate picture of connectivity in our history," lists 1,140 locations in Calder County as served by gigabit fiber. About three hundred of them are underwater.

They sit on the bed of the Lake Wicklow reservoir, which was created decades ago when the valley was flooded. The map's address list comes from an old county parcel file that still includes the lots of the drowned town, and the carriers filing coverage claims apparently checked those addresses against their own service areas, found them inside a polygon, and declared them served. Nobody, at any stage, looked at a picture.

People who live on actual dry land nearby are less amused. Many have been told for years that they cannot get wired service at all, and the new map now says they can, which matters because the state uses the map to decide where subsidy money goes. A place marked "served" is not eligible. One resident [filed a challenge](https://example.org/calder-county-map-challenge) with a photo of her only connection option, a hotspot duct-taped to a fence post at the top of her driveway, and got back a form rejection noting that her address "is covered by a provider reporting availability."

The carrier in question, Northline Communications, sent us a statement:

> Northline's filings reflect locations where service could be made available within a standard installation interval upon request, consistent with program guidelines.

"Could be made available upon request" is doing an enormous amount of work there. For the underwater addresses, the standard installation interval presumably includes draining the lake.

To its credit, the state broadband office has opened a challenge window and published a [plain-language guide](https://example.com/how-to-challenge-the-map) that is genuinely helpful. But the process puts the burden on the people the map failed. Each household has to prove a negative, that service *isn't* available, with screenshots, refusal emails and speed tests, while a carrier's claim of availability needs nothing more than a shapefile.

A few suggestions, free of charge:

- Treat any claimed location with no active subscriber within a mile as unverified until shown otherwise.
- Publish the carriers' raw filings, not just the pretty map built on top of them.
- Before the next ribbon-cutting, have one intern check the satellite view.

Until then, the fish of Lake Wicklow remain the best-connected residents of Calder County. None of them have complained.`,
    comments: [
      {
        key: "b1",
        author: "rusty_tcp",
        subject: "Served, in the sense of a subpoena",
        body: "Every one of these maps I've looked at treats \"we could theoretically build there if someone paid us\" as \"served.\" Which is how you end up with subsidies for places that already have fiber and nothing for the places that don't.",
        minutes: 60,
        insightful: 4,
      },
      {
        key: "b2",
        parent: "b1",
        anonEmail: "threemeg@example.net",
        body: "Same in my county. Map says 100 Mbps. My speed test says 3, on a good day, if the wind is right.",
        minutes: 95,
      },
      {
        key: "b3",
        author: "quietbuffer",
        subject: "The intern suggestion",
        body: "Checking the satellite view is the cheapest infrastructure investment this state will ever make.",
        minutes: 300,
        funny: 3,
      },
      {
        key: "b4",
        author: "frontpagefred",
        subject: "The challenge process is the whole game",
        body: "It took me four tries to get my address marked unserved. The form wants a refusal email from the provider, and the provider doesn't send refusal emails. It just never calls back.",
        minutes: 900,
        insightful: 2,
      },
    ],
  },
  {
    slug: "smart-doorbell-shares-footage-when-asked-nicely",
    title: "Smart Doorbell Company Promises to Share Footage With Police Only 'When Asked Nicely'",
    dept: "knock-knock-it-is-a-warrantless-request",
    author: "tquell",
    tags: ["surveillance", "privacy"],
    hoursAgo: 216,
    body: `Peephole, maker of the bestselling Peephole Halo video doorbell, has published what it calls a "Law Enforcement Transparency Pledge," and it deserves a close read, because it manages to be both very short and very evasive.

The headline commitment is that Peephole will release customer footage to police without a warrant only in an "emergency." The definition of emergency lives in a footnote:

> For purposes of this pledge, an emergency includes any situation in which a requesting agency represents, in good faith and using respectful language, that timely access to footage would assist an ongoing matter.

Read that again. The standard is not imminent danger, or a threat to someone's life, or anything a court would recognize. It is that an officer asked, said it would help, and was polite. The pledge is, more or less, a promise to hand over your porch video as long as the request says *please*.

The company's latest [transparency report](https://example.com/peephole-transparency-report) says it received 4,812 such requests last year and complied with 4,790. It doesn't say how many of the people who appeared in that footage were told. (The terms of service answer that one: none, unless the requesting agency agrees, and it rarely has a reason to.)

Peephole's defenders point out that customers can switch on end-to-end encryption, which makes the footage unreadable to the company and therefore impossible to hand over. True. It is also true that the setting is off by default, disables the "Neighbors" sharing feature the company advertises most heavily, and greets anyone who enables it with a warning that "some features will be unavailable." Defaults are policy, and Peephole has chosen its policy.

Then there is the question of whose privacy is at stake. A doorbell camera faces outward. The person who bought it agreed to Peephole's terms; the delivery driver, the neighbor walking a dog and the kid selling raffle tickets did not. [Several privacy groups](https://example.org/doorbells-and-bystanders) argue that footage of public sidewalks, pooled across millions of front doors, adds up to a surveillance network no city council ever voted for.

None of this requires believing Peephole is villainous. It sells a product that sells better when it is easy, and it turns out that easy for customers and easy for police are the same engineering decision. But a pledge that boils down to "we'll say yes unless you're rude" isn't a limit. It's a customer-service script.`,
    comments: [
      {
        key: "d1",
        author: "libraryfine",
        subject: "Defaults are policy",
        body: "> Defaults are policy, and Peephole has chosen its policy.\n\nThis should be on a plaque in every product-design meeting room.",
        minutes: 45,
        insightful: 5,
      },
      {
        key: "d2",
        anonName: "Retired dispatcher",
        anonEmail: "dispatch.retired@example.net",
        subject: "Emergency requests exist for a reason",
        body: "For what it's worth, genuine emergency requests are real and sometimes very urgent. The problem isn't that they exist. It's that this definition is so loose that *every* request qualifies.",
        minutes: 180,
        insightful: 3,
      },
      {
        key: "d3",
        parent: "d2",
        author: "copyleftcarla",
        body: "Exactly. A real emergency standard is easy to write. This one was written so that it wouldn't be one.",
        minutes: 260,
      },
    ],
  },
];
