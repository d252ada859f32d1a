// Reads a Disqus export (the XML file Disqus mails from Admin → Moderation → Export) as a stream
// of records: each <thread> (a page that had comments) and each <post> (a comment), one at a time,
// so a file of any size is read in bounded memory.
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTag } from "saxes";

export type DisqusAuthor = { name: string; email: string; username: string; isAnonymous: boolean };
export type DisqusThread = { kind: "thread"; line: number; dsqId: string; identifier: string; forum: string; link: string; title: string; createdAt: string };
export type DisqusPost = {
  kind: "post"; line: number; dsqId: string; message: string; createdAt: string; isDeleted: boolean; isSpam: boolean;
  author: DisqusAuthor; threadId: string; parentId: string;
};
export type DisqusRecord = DisqusThread | DisqusPost;

export class DisqusError extends Error {}

const dsqId = (tag: SaxesTag): string => {
  const value = (tag.attributes as Record<string, unknown>)["dsq:id"];
  return typeof value === "string" ? value : "";
};

/** The file's threads and posts in order; `onBytes` is told how far through the file it is. */
export async function* readDisqus(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<DisqusRecord> {
  const parser = new SaxesParser({ position: true });
  const ready: DisqusRecord[] = [];
  const stack: string[] = [];
  let text = "";
  let thread: DisqusThread | undefined;
  let post: DisqusPost | undefined;
  let root: string | undefined;

  parser.on("opentag", (tag) => {
    const name = tag.name;
    const parent = stack.at(-1);
    stack.push(name);
    text = "";
    if (stack.length === 1) root = name;
    else if (parent === "disqus" && name === "thread") thread = { kind: "thread", line: parser.line, dsqId: dsqId(tag), identifier: "", forum: "", link: "", title: "", createdAt: "" };
    else if (parent === "disqus" && name === "post") {
      post = { kind: "post", line: parser.line, dsqId: dsqId(tag), message: "", createdAt: "", isDeleted: false, isSpam: false, author: { name: "", email: "", username: "", isAnonymous: false }, threadId: "", parentId: "" };
    } else if (post && parent === "post" && name === "thread") post.threadId = dsqId(tag);
    else if (post && parent === "post" && name === "parent") post.parentId = dsqId(tag);
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    const value = text.trim();
    text = "";
    if (post) {
      if (name === "post" && parent === "disqus") {
        ready.push(post);
        post = undefined;
      } else if (parent === "post") {
        if (name === "message") post.message = value;
        else if (name === "createdAt") post.createdAt = value;
        else if (name === "isDeleted") post.isDeleted = value === "true";
        else if (name === "isSpam") post.isSpam = value === "true";
      } else if (parent === "author") {
        if (name === "name") post.author.name = value;
        else if (name === "email") post.author.email = value;
        else if (name === "username") post.author.username = value;
        else if (name === "isAnonymous") post.author.isAnonymous = value === "true";
      }
    } else if (thread) {
      if (name === "thread" && parent === "disqus") {
        ready.push(thread);
        thread = undefined;
      } else if (parent === "thread") {
        if (name === "id") thread.identifier = value;
        else if (name === "forum") thread.forum = value;
        else if (name === "link") thread.link = value;
        else if (name === "title") thread.title = value;
        else if (name === "createdAt") thread.createdAt = value;
      }
    }
  });

  let bytes = 0;
  const notDisqus = () => new DisqusError(`${path} is not a Disqus export (its root element is not <disqus>).`);
  const fail = (error: unknown) => new DisqusError(`${path} is not well-formed XML: ${(error as Error).message}`);
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    try {
      parser.write(chunk as string);
    } catch (error) {
      throw fail(error);
    }
    bytes += Buffer.byteLength(chunk as string);
    onBytes?.(bytes);
    if (root !== undefined && root !== "disqus") throw notDisqus();
    while (ready.length > 0) yield ready.shift()!;
  }
  try {
    parser.close();
  } catch (error) {
    throw fail(error);
  }
  if (root !== "disqus") throw notDisqus();
  while (ready.length > 0) yield ready.shift()!;
}
