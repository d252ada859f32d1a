export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <p>
        {siteName} runs on Dept, open-source publishing and discussion software. <a href="/feed.xml">Subscribe: RSS</a>
      </p>
    </footer>
  );
}
