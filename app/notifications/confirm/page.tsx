import type { Metadata } from "next";
import { ConfirmAddressForm } from "@/components/follows/confirm-address-form";
import { getAddressByConfirmToken } from "@/lib/notifications/address-confirm";

export const metadata: Metadata = { title: "Confirm your address", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The link in the mail an anonymous poster gets after ticking "Email me when someone replies".
// Opening it changes nothing (mail scanners open links too): confirming takes the button.
export default async function ConfirmAddressPage({ searchParams }: Props) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const address = await getAddressByConfirmToken(token);
  if (!address) {
    return (
      <div className="narrow">
        <h1>This confirmation link does not work</h1>
        <p>It may have been cut short when it was copied. Open the link straight from the mail, or post a comment with the box ticked to get a new one.</p>
      </div>
    );
  }
  if (address.stopped) {
    return (
      <div className="narrow">
        <h1>No mail goes to this address</h1>
        <p>{address.maskedEmail} asked us to stop all mail, so nothing will be sent to it.</p>
      </div>
    );
  }
  if (address.confirmed) {
    return (
      <div className="narrow">
        <h1>Your address is confirmed</h1>
        <p role="status">You&rsquo;ll get an email when someone replies.</p>
        <p>Every such mail has a link that stops all mail to {address.maskedEmail}.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Confirm your address</h1>
      <p>Confirm {address.maskedEmail} to get an email when someone replies to your comment.</p>
      <ConfirmAddressForm token={token} />
    </div>
  );
}
