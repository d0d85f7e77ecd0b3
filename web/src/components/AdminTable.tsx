import type { ReactNode } from 'react';

/**
 * A table of the administration screens (users, audit log, background jobs): scrolls sideways on a
 * narrow screen, one column heading each, and the rows as children.
 */
export function AdminTable({
  testId,
  columns,
  children,
}: {
  testId: string;
  /** The column headings, in order: text, or an element (a heading only screen readers say). */
  columns: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, position) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the headings are a fixed list, never reordered.
              <th scope="col" key={position}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
