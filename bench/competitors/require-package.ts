// The competitors' packages are bench-only dev dependencies: a missing one stops the bench with the
// command that installs it, never a silent skip. Polars' native package needs Node >= 22 when npm
// runs, so on a machine whose own node is older npm leaves it out unless npm runs on the project's Node.
export const INSTALL_HINT = 'npx node "$(command -v npm)" install --no-audit --no-fund';

export async function requireBenchPackage<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new Error(`${name} is not installed or its native part did not load (${(error as Error).message.split('\n')[0]}); run \`${INSTALL_HINT}\` (npm on the project's Node 24) and try again`);
  }
}
