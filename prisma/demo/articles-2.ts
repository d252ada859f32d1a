// Demo articles, newest first (part two of three). All stories, companies and people are invented.
import type { DemoArticle } from "./index";

export const articlesPartTwo: DemoArticle[] = [
  {
    slug: "patent-granted-method-for-scrolling-down",
    title: "Patent Office Grants Patent on 'Method for Repositioning Displayed Content Downward'",
    dept: "thumbs-have-prior-art",
    author: "pmarsh",
    tags: ["patents", "software"],
    hoursAgo: 288,
    body: `Congratulations are in order for Verge Axis Holdings LLC, a company with no products, no website and a registered address above a dry cleaner, which has been awarded a patent covering (I am paraphrasing only slightly) scrolling down.

The first claim, which is the broadest and therefore the one that matters, reads:

> A method comprising: detecting, by a processor, a gesture input associated with a display; determining that the gesture input comprises a motion in a first direction; and in response, causing content presented on the display to be repositioned in a second direction, wherein the second direction is opposite the first direction.

If you just moved a finger up your phone to read this paragraph, the content moved down, and you may have practiced the method. The remaining claims add details like "wherein the processor is located in a portable device" and "wherein the content comprises text," each of which narrows the claim about as much as adding "wherein the sky is above."

How does this happen? Examiners get limited time per application, and finding prior art for software is notoriously hard, because the prior art is usually a product everybody used rather than a paper somebody filed. Nobody ever patented the scroll wheel in these exact words, so when someone finally writes the words down, there's nothing in the database that says *no*. An [analysis by a patent-reform group](https://example.org/scroll-patent-prior-art) found twenty-three earlier references that plainly describe the same thing. None were cited.

Verge Axis has already sent letters to at least forty app developers, mostly small ones, offering a license at $12,000 per app. The letter includes a helpful FAQ:

1. *Is this a lawsuit?* "Not at this time."
2. *Can I challenge the patent?* Yes, through a review process that costs more than the license.
3. *What happens if I ignore this letter?* "Verge Axis reserves all rights."

That's the business model in three lines. The fee is set just below the cost of fighting, so the rational move for any single developer is to pay, even though the patent would almost certainly fall if anyone tested it. [One developer who got a letter](https://example.com/we-got-the-scroll-letter) wrote that he briefly considered removing scrolling from his app before remembering that his app is a list.

The fix isn't complicated in principle: make post-grant challenges cheaper and faster, let defendants recover their fees when a patent turns out to be obvious, and stop granting claims that describe a result instead of a way of achieving it. In the meantime, please scroll responsibly.`,
    comments: [
      {
        key: "p1",
        author: "ohm_my_god",
        subject: "Prior art",
        body: "I have been repositioning content downward for decades using a device called a \"mouse\" that contained a small wheel. I would like my royalties.",
        minutes: 30,
        funny: 7,
      },
      {
        key: "p2",
        parent: "p1",
        author: "gristmill",
        body: "Your wheel didn't involve a processor *determining* anything, so it's obviously a different invention. That's how this works, right?",
        minutes: 70,
        funny: 3,
      },
      {
        key: "p3",
        anonEmail: "smalldev@example.net",
        subject: "Pay the $12k or not?",
        body: "Genuine question from a small developer who got the letter: is there any kind of collective defense for this? Fighting alone costs more than paying, which I assume is the point.",
        minutes: 400,
      },
      {
        key: "p4",
        parent: "p3",
        author: "reasonable_doubt",
        body: "Look into whether other recipients are pooling money for a review petition. One successful challenge kills the patent for everyone, so the cost can be shared. Not legal advice, just arithmetic.",
        minutes: 455,
        insightful: 4,
      },
    ],
  },
  {
    slug: "tractor-repair-freedom-policy-look-at-engine",
    title: "Tractor Maker's New 'Repair Freedom' Policy Lets Farmers Look at the Engine",
    dept: "look-but-do-not-wrench",
    author: "mthistlewood",
    tags: ["right-to-repair", "drm"],
    hoursAgo: 360,
    body: `Harrowgate Machinery, which makes roughly a third of the large tractors sold in the region, announced a "Repair Freedom Initiative" this week, with a video featuring a smiling farmer, a sunrise, and the word *freedom* in the font usually reserved for pickup-truck ads.

What the initiative offers is more modest. Owners can now buy a subscription to Harrowgate's diagnostic software, which reads fault codes from the tractor and explains what they mean. That is genuinely new. What the software will not do is let anyone fix the problem. Clearing a fault, calibrating a replaced part or pairing a new sensor with the tractor's control unit still requires a dealer technician's login. From the FAQ:

> Repair Freedom empowers customers to understand their equipment. Certain procedures that affect emissions, safety, or performance remain available exclusively through authorized service providers to protect the customer experience.

"Protect the customer experience" is a fascinating phrase to use about a farmer whose harvester is down in October, waiting three days for a dealer to drive out and type a password.

Part pairing is the heart of it. Modern equipment ties many replacement parts to one specific machine with a software handshake. Swap in an identical hydraulic sensor, bought new from Harrowgate itself, and the tractor refuses to acknowledge it until the dealer's tool blesses the pairing. Independent mechanics [have documented](https://example.org/harrowgate-parts-pairing) more than a hundred components that behave this way, from the cab display to the seat switch.

A repair policy that meant it would include:

- the same diagnostic and calibration software dealers use, at a reasonable price, with no per-repair fees;
- part pairing that owners and independent shops can perform themselves;
- service manuals and wiring diagrams that are published, not licensed.

Harrowgate says it is "listening to customers." The state legislature is listening too: a repair bill requiring all three has cleared committee, and the company's lobbying disclosures show it spent more this quarter opposing that bill than it spent on the sunrise video. [The bill text](https://example.com/agricultural-repair-act-text) is short and readable, which is more than anyone can say for the initiative.

Looking at the engine is nice. Farmers have been able to do that since engines were invented. It was the fixing they wanted.`,
    comments: [
      {
        key: "t1",
        author: "gristmill",
        subject: "The seat switch",
        body: "A seat switch. A tractor that won't start because you replaced the switch that detects whether you're sitting in it. With a *genuine* part.",
        minutes: 90,
      },
      {
        key: "t2",
        anonName: "Fourth-generation farmer",
        anonEmail: "backforty@example.net",
        subject: "Three days in October",
        body: "Three days in October is a lost field. The people who write these policies have never watched rain come in with the combine sitting dead in the yard.",
        minutes: 220,
        insightful: 5,
      },
    ],
  },
  {
    slug: "ai-essay-detector-flags-district-mission-statement",
    title: "School District's AI Essay Detector Flags the District's Own Mission Statement as Machine-Written",
    dept: "written-by-committee-which-is-close-enough",
    author: "tquell",
    tags: ["algorithms", "education", "privacy"],
    hoursAgo: 456,
    body: `The Ashford Valley school board spent $184,000 this spring on a license for TruthQuill, an "AI authorship detection platform" that promises to identify essays written by chatbots with "up to 98% accuracy." At the board's first demonstration, a skeptical parent asked the vendor to run something that definitely wasn't written by a machine. A board member offered the district's mission statement, adopted in the late nineties.

TruthQuill rated it 94 percent likely to be AI-generated.

In fairness to TruthQuill, the mission statement reads like this:

> Ashford Valley Schools is committed to fostering a dynamic, student-centered learning environment that empowers every learner to achieve excellence and become a responsible, engaged citizen in a diverse and ever-changing global community.

Which is to say it reads like it was written by a committee, and it turns out that "sounds like a committee" and "sounds like a chatbot" look very similar to a statistical model. Detectors like this mostly measure how predictable a text is. Bland, formulaic, correct prose scores as machine-like. And who writes bland, formulaic, correct prose? Students who were taught the five-paragraph essay, and especially students writing in a second language, who tend to stick to safe phrasing. [A research summary](https://example.org/ai-detector-false-positives) compiled by a teachers' association found false-positive rates several times higher for English learners.

The district's draft policy would treat a TruthQuill score above 80 as "evidence of academic dishonesty," with the burden on the student to prove otherwise. How do you prove you wrote something? One teacher suggested version history, which exists only if you happened to write it in the right program. Another suggested a short oral interview, which is a reasonable idea and also exactly what teachers did before the district spent $184,000.

There's a privacy wrinkle, too. TruthQuill's contract lets it keep submitted essays "to improve the service," which means every essay in the district becomes training data for a commercial product. Parents weren't asked. The contract is [posted on the district's site](https://example.com/ashford-valley-truthquill-contract), on page 31, in a section titled "Miscellaneous."

After the demonstration the board voted to delay the policy for a semester and "gather more data." The mission statement has been cleared of all charges.`,
    comments: [
      {
        key: "e1",
        author: "quietbuffer",
        subject: "English learners",
        body: "I tutor English learners. Half my students write exactly like that mission statement, because we *teach* them safe phrasing. Now safe phrasing is evidence of cheating.",
        minutes: 40,
        insightful: 5,
      },
      {
        key: "e2",
        anonEmail: "selfaware@example.net",
        subject: "A modest proposal",
        body: "Somebody please run TruthQuill's own marketing page through TruthQuill.",
        minutes: 75,
        funny: 6,
      },
      {
        key: "e3",
        parent: "e2",
        author: "thatonesysadmin",
        body: "Did. 99%. The tool is, at least, honest about itself.",
        minutes: 120,
        funny: 4,
      },
      {
        key: "e4",
        author: "copyleftcarla",
        subject: "Page 31 is the real story",
        body: "The training-data clause tucked into \"Miscellaneous\" is the part that should worry parents. That's every kid's writing, for free, forever.",
        minutes: 500,
        insightful: 3,
      },
    ],
  },
  {
    slug: "snack-giant-trademark-crispy-knitting-blog",
    title: "Snack Giant Sends Cease-and-Desist to Knitting Blog Over the Word 'Crispy'",
    dept: "crunch-time-for-common-words",
    author: "pmarsh",
    tags: ["trademarks", "free-speech"],
    hoursAgo: 552,
    body: `Wendolyn Ash writes a small blog called Crispy Stitches, about knitting with stiff, textured wool, the kind that knitters describe as "crispy." It has a few thousand readers, no ads and a pattern archive she gives away. Last week she received a four-page letter from lawyers for Crunchworth Foods, makers of Crispers potato snacks, demanding that she stop using the word.

The letter's central argument:

> Our client's CRISPERS mark is famous and distinctive, and your use of the confusingly similar term CRISPY in connection with goods and services that may be consumed in a home setting creates a likelihood of confusion and dilution.

"Goods and services that may be consumed in a home setting" is a category that includes knitting, snacks and everything else. Trademark law exists to keep consumers from being confused about who makes a product. Nobody reading a post about blocking a lace shawl is going to think Crunchworth made the shawl, and nobody buying chips is going to wonder whether Wendolyn is behind them. Also, she isn't selling anything.

Trademark bullying works for the same reason patent shakedowns do. The law is mostly on the recipient's side, but finding that out costs money, and the letter is written to sound as though the matter is already settled. A [clinic that helps small creators](https://example.org/trademark-bully-letters) says it sees several of these letters a month, and that the most common outcome is that the recipient quietly renames and never tells anyone.

Wendolyn told everyone. She posted the letter, her readers passed it along, and by Thursday there were dozens of free patterns with names like "Cease and Desist Cowl" and "Likelihood of Confusion Mittens." Crunchworth then issued a statement saying the letter had been "sent in error by outside counsel" and that the company "celebrates creativity in all its forms, including crafts."

It is a good outcome, and it is worth being honest about why it happened: the internet thought it was funny. That is not a legal strategy anyone can count on. The people who get these letters and don't go viral are the ones who need better law, such as real penalties for letters that overreach this badly and a faster, cheaper way to get a court to tell a bully no. [Her original post](https://example.com/crispy-stitches-letter) is still up, and so is the blog, and it is still called Crispy Stitches.`,
    comments: [
      {
        key: "k1",
        author: "frontpagefred",
        subject: "Likelihood of Confusion Mittens",
        body: "I knit a pair. Can confirm: nobody has mistaken them for chips. One person mistook them for oven mitts, which I'm choosing to report to a different legal department.",
        minutes: 55,
        funny: 5,
      },
      {
        key: "k2",
        author: "packetlosspete",
        subject: "The depressing part",
        body: "It only stopped because it went viral. How many people got the same letter this month and just renamed their blog?",
        minutes: 160,
        insightful: 3,
      },
    ],
  },
  {
    slug: "age-verification-bill-covers-weather-forecasts",
    title: "State Bill Would Require Age Verification Before You Can Read the Weather Forecast",
    dept: "cloudy-with-a-chance-of-id-checks",
    author: "mthistlewood",
    tags: ["free-speech", "privacy"],
    hoursAgo: 648,
    body: `Senate Bill 412 was sold as a measure to protect children online. Its sponsor called it "common-sense guardrails for the digital age" at the press conference, and nearly everyone who discussed it afterward talked about social media.

Then someone read the definitions section. The bill covers any "interactive online service that displays information to users in the state and that is likely to be accessed by minors," and requires every such service to verify each user's age "using a commercially reasonable method" before displaying anything. There is no exemption for news. There is no exemption for government services. And, as a local TV meteorologist [pointed out on her station's site](https://example.com/sb412-and-the-forecast), there is definitely no exemption for the weather.

Kids check the weather. They check it to find out whether they need a coat and whether school is closed. Under SB 412, a weather site would have to make them (and everyone else) prove their age first, which in practice means uploading a government ID or a face scan to a third-party verification vendor. Every time. For the forecast.

Asked about this, the sponsor's office sent a statement:

> The Senator is confident that responsible weather providers will find ways to comply with the law, and that the minor inconvenience of verification is a small price to pay for the safety of our children.

The "minor inconvenience" is a database, held by a vendor most people have never heard of, linking the identities of millions of residents to every site that asked for a check. [Security researchers have noted](https://example.org/age-verification-data-risks) that verification vendors are attractive breach targets for exactly that reason. And courts have repeatedly struck down broad verification mandates, because they burden adults' right to read lawful material, not just children's.

There is a version of child-safety legislation that could survive: one aimed at specific harmful design practices, with real definitions and no ID check for reading the news. SB 412 isn't it. It is a bill that regulates the entire internet by accident and asks the weather to show its papers.

The bill has a hearing next week. The forecast calls for testimony.`,
    comments: [
      {
        key: "w1",
        author: "rusty_tcp",
        subject: "Rain check",
        body: "So to find out whether it's going to rain, I upload my passport to a company I've never heard of. Cool. Cool cool cool.",
        minutes: 25,
        funny: 4,
      },
      {
        key: "w2",
        parent: "w1",
        author: "libraryfine",
        body: "And the library catalog is an \"interactive online service likely to be accessed by minors.\" So is the bus timetable.",
        minutes: 66,
        insightful: 3,
      },
      {
        key: "w3",
        parent: "w2",
        anonEmail: "route9@example.net",
        body: "Don't give them ideas. The timetable is the one thing here they'd actually manage to make worse.",
        minutes: 130,
        funny: 2,
      },
    ],
  },
];
