using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Evaluation;

/// <summary>
/// A base model gets plain completion prompts, an instruct model its chat template. Asking for the
/// other is the mistake behind "'Qwen2ForCausalLM' object has no attribute 'chat'": it fails here,
/// before any question runs, naming the model and the fix.
/// </summary>
public static class ModelKindGuard
{
    public static void Check(ModelInfo model, bool chat, bool allowKindMismatch)
    {
        if (allowKindMismatch)
        {
            return;
        }

        if (chat && model.Kind == ModelKind.Base)
        {
            throw new EvalInputException(
                $"model '{model.Name}' is a base model (its tokenizer_config.json has no chat_template), so it cannot be evaluated with the chat form. "
                + "Use the completion form of the protocol (drop --chat; 5-shot for base models), or point --model at the instruct model. "
                + "For a deliberate sensitivity study set allowKindMismatch: true in the suite.",
                file: model.Folder,
                field: "chat");
        }

        if (!chat && model.Kind == ModelKind.Instruct)
        {
            throw new EvalInputException(
                $"model '{model.Name}' is an instruct model (it has a chat template), so it must be evaluated with the chat form. "
                + "Add --chat (the prompt then goes through its chat template), or point --model at the base model. "
                + "For a deliberate sensitivity study set allowKindMismatch: true in the suite.",
                file: model.Folder,
                field: "chat");
        }
    }
}
