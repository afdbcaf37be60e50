using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Prescient.Host.Api;

/// <summary>Serves a JSON file of the data folder as it is on disk (it is always whole: writes are atomic).</summary>
internal static class StoredFile
{
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Serve(string path) =>
        File.Exists(path)
            ? TypedResults.PhysicalFile(path, "application/json")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not written yet",
                detail: $"{Path.GetFileName(path)} does not exist yet: run `prescient refresh` or the matching POST endpoint first.");
}
