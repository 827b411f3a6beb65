using System.Globalization;
using System.Text.Json;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>
/// Checks a model folder's tokenizer against its genai_config.json before loading: every id tokenizer.json can produce
/// (the model's vocabulary and its added tokens) is below vocab_size, so no prompt can index past the embedding; the
/// bos and eos ids the config names exist in the tokenizer; pad_token_id is below vocab_size (it may lie outside the
/// tokenizer: a pad id prompts never contain is what GenAI's padding needs). Every problem is reported together.
/// </summary>
public static class TokenizerConsistency
{
    public const string TokenizerFileName = "tokenizer.json";

    /// <exception cref="EvalInputException">tokenizer.json is not valid JSON, or disagrees with genai_config.json.</exception>
    public static void Check(string modelFolder, string configPath, int vocabSize)
    {
        var tokenizerPath = Path.Combine(modelFolder, TokenizerFileName);
        var ids = ReadTokenizerIds(tokenizerPath);
        var problems = new InputProblemList(tokenizerPath);
        if (ids.Count > 0 && ids.Max >= vocabSize)
        {
            var highest = ids.Max;
            var outside = ids.GetViewBetween(vocabSize, highest);
            problems.Add("model.vocab / added_tokens", string.Create(
                CultureInfo.InvariantCulture,
                $"{outside.Count} token ids are at or above the model's vocab_size {vocabSize} (highest {highest}, e.g. {string.Join(", ", outside.Take(3))}); a prompt holding one would index past the embedding. Use the tokenizer.json of this model, or fix model.vocab_size in {configPath}."));
        }

        foreach (var (field, id) in SpecialIds(configPath))
        {
            if (id < 0 || id >= vocabSize)
            {
                problems.Add(new InputProblem(configPath, null, field, string.Create(CultureInfo.InvariantCulture, $"token id {id} is outside the model's vocabulary (vocab_size {vocabSize}); set it to the id of the model's own token.")));
            }
            else if (field != "model.pad_token_id" && !ids.Contains((int)id))
            {
                problems.Add(new InputProblem(configPath, null, field, string.Create(CultureInfo.InvariantCulture, $"token id {id} is not a token of {tokenizerPath} (neither its model.vocab nor its added_tokens); set it to the id of the tokenizer's special token (e.g. <|endoftext|>).")));
            }
        }

        problems.ThrowIfAny("the tokenizer");
    }

    private static SortedSet<int> ReadTokenizerIds(string tokenizerPath)
    {
        var ids = new SortedSet<int>();
        try
        {
            using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(tokenizerPath));
            var root = document.RootElement;
            if (root.TryGetProperty("model", out var model) && model.TryGetProperty("vocab", out var vocab))
            {
                switch (vocab.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var entry in vocab.EnumerateObject())
                        {
                            ids.Add(entry.Value.GetInt32());
                        }

                        break;
                    case JsonValueKind.Array:
                        // Unigram: [[piece, score], …], the id is the position.
                        for (var id = 0; id < vocab.GetArrayLength(); id++)
                        {
                            ids.Add(id);
                        }

                        break;
                }
            }

            if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
            {
                foreach (var token in added.EnumerateArray())
                {
                    ids.Add(token.GetProperty("id").GetInt32());
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EvalInputException(
                $"{TokenizerFileName} cannot be read ({e.Message}); copy it again from the Hugging Face model.",
                tokenizerPath,
                line: e is JsonException { LineNumber: { } line } ? line + 1 : null,
                inner: e);
        }

        return ids;
    }

    /// <summary>bos_token_id, every eos_token_id (a number or a list) and pad_token_id of genai_config.json, when present.</summary>
    private static IEnumerable<(string Field, long Id)> SpecialIds(string configPath)
    {
        using var document = JsonDocument.Parse(ModelFolderSandbox.ReadParsedFile(configPath));
        var model = document.RootElement.GetProperty("model");
        var found = new List<(string, long)>();
        foreach (var name in new[] { "bos_token_id", "eos_token_id", "pad_token_id" })
        {
            if (!model.TryGetProperty(name, out var value))
            {
                continue;
            }

            var ids = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            found.AddRange(ids.Where(id => id.ValueKind == JsonValueKind.Number).Select(id => ($"model.{name}", id.GetInt64())));
        }

        return found;
    }
}
