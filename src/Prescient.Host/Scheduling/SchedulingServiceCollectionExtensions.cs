using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prescient.Engine.Calendar;
using Prescient.Engine.Status;

namespace Prescient.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The schedule's options (section "Schedule", validated), its jobs (<see cref="ScheduledJobs"/>),
    /// the <see cref="IRunSchedule"/> the status reads, and the <see cref="TradingCalendar"/> of its time
    /// zone (replacing the engine's UTC default), which dates every day recorded. Every command gets
    /// these; only <c>serve</c> adds the scheduler itself (<see cref="AddPrescientScheduler"/>).
    /// </summary>
    public static IServiceCollection AddPrescientSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.SectionName));
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<SchedulerState>();
        services.AddSingleton<IReadOnlyList<ScheduledJob>>(sp => ScheduledJobs.Create(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value));
        services.AddSingleton<IRunSchedule, CronRunSchedule>();
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<IOptions<ScheduleOptions>>().Value.CreateCalendar()));
        return services;
    }

    /// <summary>The scheduler as a hosted service; its options are validated when the host starts.</summary>
    public static IServiceCollection AddPrescientScheduler(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().ValidateOnStart();
        services.AddHostedService<JobScheduler>();
        return services;
    }

    private sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScheduleOptions options) =>
            options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
