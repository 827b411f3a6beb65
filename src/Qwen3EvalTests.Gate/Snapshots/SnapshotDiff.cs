using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Qwen3EvalTests.Gate.Snapshots;

/// <summary>A unified line diff (DiffPlex) of two texts, with invisible characters shown (<see cref="VisibleText"/>) and 3 lines of context.</summary>
public static class SnapshotDiff
{
    private const int Context = 3;

    public static string Unified(string approved, string received, string approvedName = "approved", string receivedName = "received")
    {
        var model = InlineDiffBuilder.Diff(
            string.Join('\n', VisibleText.Lines(approved)),
            string.Join('\n', VisibleText.Lines(received)),
            false,
            false);
        var lines = model.Lines.Where(l => l.Type != ChangeType.Imaginary).ToArray();
        var text = new StringBuilder().Append("--- ").Append(approvedName).Append('\n').Append("+++ ").Append(receivedName).Append('\n');
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Select(x => x.i).ToArray();
        var oldLine = new int[lines.Length];
        var newLine = new int[lines.Length];
        for (int i = 0, o = 1, n = 1; i < lines.Length; i++)
        {
            (oldLine[i], newLine[i]) = (o, n);
            if (lines[i].Type != ChangeType.Inserted)
            {
                o++;
            }

            if (lines[i].Type != ChangeType.Deleted)
            {
                n++;
            }
        }

        var k = 0;
        while (k < changed.Length)
        {
            var from = Math.Max(0, changed[k] - Context);
            var to = Math.Min(lines.Length - 1, changed[k] + Context);
            while (k + 1 < changed.Length && changed[k + 1] - Context <= to + 1)
            {
                k++;
                to = Math.Min(lines.Length - 1, changed[k] + Context);
            }

            text.Append("@@ -").Append(oldLine[from]).Append(" +").Append(newLine[from]).Append(" @@\n");
            for (var i = from; i <= to; i++)
            {
                var mark = lines[i].Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' };
                text.Append(mark).Append(lines[i].Text).Append('\n');
            }

            k++;
        }

        return text.ToString();
    }
}
