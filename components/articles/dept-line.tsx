export function DeptLine({ dept }: { dept: string }) {
  return (
    <p className="dept">
      from the <em>{dept}</em> dept
    </p>
  );
}
