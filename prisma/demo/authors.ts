// The demo's people. All invented; every address is @example.com. No passwords: sign-in comes later.
import type { DemoUser } from "./index";

/** The three people who write articles; the first also runs the site. */
export const demoAuthors: DemoUser[] = [
  {
    handle: "mthistlewood",
    name: "Margo Thistlewood",
    email: "margo@example.com",
    role: "admin",
    bio: "Editor. Has read more terms of service than is medically advisable. Writes about copyright, repair, and the strange afterlife of things you thought you bought.",
    joinedDaysAgo: 420,
  },
  {
    handle: "tquell",
    name: "Tobias Quell",
    email: "tobias@example.com",
    role: "author",
    bio: "Covers platforms, automated enforcement and the people caught underneath it. Former radio engineer; still owns a soldering iron and several opinions about it.",
    joinedDaysAgo: 401,
  },
  {
    handle: "pmarsh",
    name: "Priya Anand-Marsh",
    email: "priya@example.com",
    role: "author",
    bio: "Writes about broadband, privacy and local government, usually in that order and usually right after a public-records request comes back weird.",
    joinedDaysAgo: 388,
  },
];

export const demoModerator: DemoUser = {
  handle: "lvukovic",
  name: "Lena Vukovic",
  email: "lena@example.com",
  role: "moderator",
  bio: "Keeps the comment threads standing. Believes in second chances and in the delete key, in that order.",
  joinedDaysAgo: 350,
};

/** Regulars of the comment section. */
export const demoReaders: DemoUser[] = [
  {
    handle: "packetlosspete",
    name: "Pete Harrow",
    email: "pete.harrow@example.com",
    role: "reader",
    bio: "Network engineer. Backs up everything twice and trusts neither copy.",
    joinedDaysAgo: 310,
  },
  {
    handle: "gristmill",
    name: "June Okonkwo",
    email: "june.okonkwo@example.com",
    role: "reader",
    bio: "Runs a small letterpress shop. Reads the fine print for a living, sets it in 6 point for fun.",
    joinedDaysAgo: 295,
  },
  {
    handle: "thatonesysadmin",
    name: "Marcus Ferreira",
    email: "marcus.ferreira@example.com",
    role: "reader",
    bio: "Keeps a hospital's servers running. Has opinions about alerting thresholds that he will share unprompted.",
    joinedDaysAgo: 280,
  },
  {
    handle: "quietbuffer",
    name: "Hana Ishikawa-Reed",
    email: "hana.ir@example.com",
    role: "reader",
    bio: "Tutors English learners; collects dictionaries and counterexamples.",
    joinedDaysAgo: 240,
  },
  {
    handle: "libraryfine",
    name: "Oscar Delgado-Nunn",
    email: "oscar.dn@example.com",
    role: "reader",
    bio: "Public librarian. Believes everything should be lendable, including arguments.",
    joinedDaysAgo: 231,
  },
  {
    handle: "ohm_my_god",
    name: "Bea Kowalczyk",
    email: "bea.k@example.com",
    role: "reader",
    bio: "Electrical engineer, amateur punster, professional regret-haver about the puns.",
    joinedDaysAgo: 205,
  },
  {
    handle: "reasonable_doubt",
    name: "Theo Marchetti",
    email: "theo.marchetti@example.com",
    role: "reader",
    bio: "Recovering litigator. Comments are not legal advice, and neither is anything else.",
    joinedDaysAgo: 190,
  },
  {
    handle: "frontpagefred",
    name: "Fred Lindqvist",
    email: "fred.lindqvist@example.com",
    role: "reader",
    bio: "Reads every article, comments on most of them, regrets about a third.",
    joinedDaysAgo: 160,
  },
  {
    handle: "copyleftcarla",
    name: "Carla Ostrander",
    email: "carla.ostrander@example.com",
    role: "reader",
    bio: "Open-source maintainer and part-time musician. Has sampled exactly one bird, with permission of nobody.",
    joinedDaysAgo: 132,
  },
  {
    handle: "rusty_tcp",
    name: "Iggy Brandt",
    email: "iggy.brandt@example.com",
    role: "reader",
    bio: "Site reliability engineer. Writes incident reports that people read for pleasure, allegedly.",
    joinedDaysAgo: 101,
  },
  {
    handle: "mapmaker_mo",
    name: "Mo Sadeghi",
    email: "mo.sadeghi@example.com",
    role: "reader",
    bio: "Transit planner. Thinks in block-level counts and dreams in bus frequencies.",
    joinedDaysAgo: 74,
  },
];

export const demoUsers: DemoUser[] = [...demoAuthors, demoModerator, ...demoReaders];
