// Demo articles, newest first (part three of three), then the one unpublished draft.
// All stories, companies and people are invented.
import type { DemoArticle } from "./index";

export const articlesPartThree: DemoArticle[] = [
  {
    slug: "records-request-drone-program-redactions-lunch-order",
    title: "Records Request About Police Drone Program Returns 411 Blacked-Out Pages and One Lunch Order",
    dept: "hold-the-pickles-and-the-accountability",
    author: "tquell",
    tags: ["public-records", "surveillance"],
    hoursAgo: 744,
    body: `When the Millbrook Police Department announced last year that it had begun flying drones over "large public gatherings," a local civic group filed a public-records request for the program's policies, flight logs and contracts. Eight months and two follow-up letters later, the department delivered its response: 412 pages.

Of those, 411 are entirely black. Not mostly black, not black with a heading or a page number: solid rectangles, edge to edge, each stamped in the corner with the exemption code \`(b)(7)(E)\`. The remaining page is an unredacted catering receipt from a vendor training day, showing an order of fourteen turkey sandwiches, one of them with no pickles.

The civic group [posted the whole thing](https://example.org/millbrook-drone-records) with a note thanking the department for its transparency regarding pickles.

The exemption the department cited is meant to protect investigative techniques that aren't generally known, where disclosure could help people evade the law. It is not meant to cover how many drones the department owns, how long it keeps the footage or what it paid the vendor, all of which plenty of other departments publish as a matter of routine. From the department's cover letter:

> Release of any portion of the responsive records could reasonably be expected to reveal the existence, nature, or capabilities of investigative techniques.

The existence of the drones was revealed by the department, at a press conference, with a demonstration flight.

Records laws work only when the people applying them act in good faith, and blanket redaction is the clearest sign of the opposite. It forces requesters into an appeal or a lawsuit just to learn what a reasonable agency would have volunteered. The civic group has appealed and is asking, at minimum, for a log explaining what each redaction covers and why, which is the standard in many places. [A short explainer](https://example.com/what-a-redaction-log-is) shows what a useful one looks like.

Meanwhile, the city council has scheduled a hearing on the drone program for next month. At least one member has asked that lunch be provided, and that the order be released in full.`,
    comments: [
      {
        key: "r1",
        author: "mapmaker_mo",
        subject: "(b)(7)(E) is carrying a lot",
        body: "Every agency I've requested records from treats that exemption like a universal solvent. Redaction logs help, when you can get them, which is rarely without an appeal.",
        minutes: 70,
        insightful: 3,
      },
      {
        key: "r2",
        parent: "r1",
        author: "ohm_my_god",
        body: "What I want to know is who ordered no pickles, and whether they are a confidential informant.",
        minutes: 140,
        funny: 6,
      },
    ],
  },
  {
    slug: "streaming-store-deletes-purchased-movie-coupon",
    title: "Streaming Store Deletes Movie You 'Bought,' Offers 15% Coupon to Buy Something Else",
    dept: "own-nothing-rent-everything",
    author: "pmarsh",
    tags: ["drm", "copyright"],
    hoursAgo: 840,
    body: `Customers of Reelbox, the movie store built into a popular line of smart TVs, woke up last week to find that the animated film *The Lantern Keeper* had vanished from their libraries. Not just from the storefront: from the "Purchased" tab, where the little banner on each title said **Yours to keep**.

Reelbox's explanation arrived by email a day later:

> Due to changes in content licensing agreements, The Lantern Keeper is no longer available on Reelbox. As a thank-you for being a valued customer, please enjoy 15% off your next purchase.

Your next purchase could, presumably, be another movie, which you would then own in exactly the sense that you owned the last one.

This isn't the first time a digital store has pulled something people paid for, and it won't be the last, because what customers bought was never a copy of the film. It was a license to stream it from Reelbox's servers for as long as Reelbox held the rights to offer it, on the terms of an agreement nobody read. The word *buy* on the button is a marketing choice, not a legal description. Reelbox's terms, [helpfully archived](https://example.com/reelbox-terms-archive) by a reader, say so in section 14(c).

Some practical notes for anyone who would like to actually keep a film:

- A disc is still yours. It can be lent, resold and watched without asking a server's permission.
- A few stores sell downloads without DRM. They are rare for big studio releases, but they exist.
- If you buy digital anyway, assume it is a long rental and price it accordingly.

There is a reasonable policy fix. If a store says *buy*, the thing bought should not be revocable; and if it is, the store should have to say *rent*, and refund the difference when a title disappears. A consumer group has [drafted model language](https://example.org/honest-buy-button) along those lines. Until something like it passes, "Yours to keep" is just a font.`,
    comments: [
      {
        key: "m1",
        author: "copyleftcarla",
        subject: "Yours to keep (terms apply)",
        body: "> Until something like it passes, \"Yours to keep\" is just a font.\n\nI'm getting this embroidered on a pillow. A physical pillow, which I will own.",
        minutes: 50,
        funny: 4,
      },
      {
        key: "m2",
        anonName: "Still has a DVD shelf",
        anonEmail: "shelf@example.net",
        subject: "My shelf, vindicated",
        body: "Every time one of these stories comes out, my shelf looks a little less like clutter and a little more like an archive.",
        minutes: 120,
        insightful: 2,
      },
      {
        key: "m3",
        parent: "m2",
        author: "thatonesysadmin",
        body: "Make copies while the drives still exist. Discs rot too, just more slowly than licenses do.",
        minutes: 180,
        insightful: 2,
      },
    ],
  },
  {
    slug: "parking-app-merger-will-definitely-lower-prices",
    title: "Two Largest Parking Apps Announce Merger That Will Definitely Lower Prices, They Say",
    dept: "trust-us-we-are-merging",
    author: "mthistlewood",
    tags: ["antitrust", "transportation"],
    hoursAgo: 936,
    body: `ParkPal and Meterly, which between them handle mobile payments at about 85 percent of the metered spaces in the region, announced this week that they intend to merge. The combined company will be called ParkPal, and its first press release promises "lower costs, more choice, and a seamless experience for drivers."

Let's take those one at a time.

**Lower costs.** Both apps currently charge a "convenience fee" of 35 cents per parking session, a fee cities tolerate because the two apps compete for municipal contracts. After the merger, there's nobody to compete with. An [analysis of city contracts](https://example.org/parking-app-fees) found that where a single app already holds an exclusive deal, the fee averages 55 cents, plus a separate charge for text reminders.

**More choice.** Fewer companies is, by definition, less choice. The press release explains that drivers will be able to choose "from an expanded suite of premium features," such as extending a session remotely, which both apps already offer for free.

**A seamless experience.** This part is probably true. Having one app will be very seamless, since there won't be anywhere else to go.

The companies will tell regulators that the relevant market is all parking payments, including coins and the pay station on the corner, which makes their share look small. Anyone who has walked up to a meter and found a sticker reading *Pay by app only* knows how real that competition is. As one city transportation official put it in a letter [filed with the state attorney general](https://example.com/parking-merger-comment-letter):

> We replaced our meters because the vendors told us the apps would compete. Now we're told they would rather not.

The deal still needs regulatory approval. Cities that want to keep some leverage could start by requiring an open payment standard in their contracts, so that any app can take payment for any space. That would make this merger a lot less valuable, which is probably the best argument for doing it.`,
    comments: [],
  },
  {
    slug: "ferry-wifi-contract-900-pages",
    title: "Ferry Authority's Wi-Fi Contract Runs 900 Pages, Most of Them About the Login Page",
    dept: "still-at-the-dock",
    author: "tquell",
    tags: ["telecom", "public-records"],
    hoursAgo: null,
    body: `DRAFT (not for publication yet; numbers still need checking against the PDF).

The regional ferry authority has released its onboard Wi-Fi contract after a records request, and it runs to roughly 900 pages. By my count, more than 300 of them concern the captive portal: the screen that asks passengers to accept terms before they can get online.

> TODO: pull the quote from the appendix on "passenger engagement metrics."

Questions still out to the authority:

- What data does the portal collect, and who keeps it?
- Why does the contract set a minimum number of ads per crossing?

Need a second source on the bandwidth figures before this goes anywhere. Link to [the contract](https://example.com/ferry-wifi-contract) once it is hosted.`,
    comments: [],
  },
];
