import { closestMatch } from "@shihyo/engine";

export function closestCommand(name: string, commands: string[]): string | null {
  return closestMatch(name, commands);
}
